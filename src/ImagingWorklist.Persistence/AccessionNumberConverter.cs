using ImagingWorklist.Domain.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImagingWorklist.Persistence;

internal sealed class AccessionNumberConverter() : ValueConverter<AccessionNumber,
    string>(v => v.Value, v => AccessionNumber.FromTrusted(v));
