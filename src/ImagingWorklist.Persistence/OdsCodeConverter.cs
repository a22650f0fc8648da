using ImagingWorklist.Domain.Identifiers;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ImagingWorklist.Persistence;

internal sealed class OdsCodeConverter() : ValueConverter<OdsCode, string>(v => v.Value, v => OdsCode.FromTrusted(v));
