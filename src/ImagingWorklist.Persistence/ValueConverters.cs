using ImagingWorklist.Domain.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImagingWorklist.Persistence;

internal sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));

internal sealed class NhsNumberConverter() : ValueConverter<NhsNumber, string>(v => v.Value, v => NhsNumber.FromTrusted(v));

internal sealed class AccessionNumberConverter() : ValueConverter<AccessionNumber,
    string>(v => v.Value, v => AccessionNumber.FromTrusted(v));

internal sealed class OdsCodeConverter() : ValueConverter<OdsCode, string>(v => v.Value, v => OdsCode.FromTrusted(v));

internal sealed class StudyInstanceUidConverter() : ValueConverter<StudyInstanceUid,
    string>(v => v.Value, v => StudyInstanceUid.FromTrusted(v));
