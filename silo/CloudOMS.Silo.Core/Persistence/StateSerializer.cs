using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Storage;

namespace CloudOMS.Silo.Persistence;

/// <summary>
/// Grain state is stored as plain UTF-8 JSON (no type names), so renaming a CLR type does not break
/// old rows and the read-model projection can read the same rows with the same options.
/// </summary>
public sealed class StateSerializer : IGrainStorageSerializer
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public BinaryData Serialize<T>(T? input) => BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(input, Options));

    public T? Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>(Options);
}
