using ImagingWorklist.Domain.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImagingWorklist.Persistence;

internal sealed class NhsNumberConverter() : ValueConverter<NhsNumber, string>(v => v.Value, v => NhsNumber.FromTrusted(v));
