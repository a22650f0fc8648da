using ImagingWorklist.Domain.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImagingWorklist.Persistence;

internal sealed class StudyInstanceUidConverter() : ValueConverter<StudyInstanceUid,
    string>(v => v.Value, v => StudyInstanceUid.FromTrusted(v));
