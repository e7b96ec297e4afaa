using System.Data.Common;
using Frontdesk.Common.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Frontdesk.Bench;

/// <summary>Writes rows to one table as fast as the provider allows.</summary>
internal abstract class Writer : IAsyncDisposable
{
    public static Writer For(DbConnection conn, DbTransaction tx, string table, string[] columns) => conn switch
    {
        NpgsqlConnection pg => new CopyWriter(pg, table, columns),
        SqliteConnection lite => new SqliteWriter(lite, (SqliteTransaction)tx, table, columns),
        _ => throw new NotSupportedException(),
    };

    public abstract Task RowAsync(params object?[] values);
    public abstract ValueTask DisposeAsync();

    private sealed class SqliteWriter : Writer
    {
        private readonly SqliteCommand _command;

        public SqliteWriter(SqliteConnection conn, SqliteTransaction tx, string table, string[] columns)
        {
            _command = conn.CreateCommand();
            _command.Transaction = tx;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < columns.Length; i++) _command.Parameters.Add(new SqliteParameter($"$p{i}", null));
            _command.Prepare();
        }

        public override async Task RowAsync(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                // Instants are stored as UTC microseconds on SQLite, exactly as EF stores them.
                _command.Parameters[i].Value = values[i] switch
                {
                    null => DBNull.Value,
                    DateTimeOffset t => UtcMicrosecondsConverter.ToMicroseconds(t),
                    var v => v,
                };
            }
            await _command.ExecuteNonQueryAsync();
        }

        public override ValueTask DisposeAsync() => _command.DisposeAsync();
    }

    private sealed class CopyWriter(NpgsqlConnection conn, string table, string[] columns) : Writer
    {
        private readonly NpgsqlBinaryImporter _importer =
            conn.BeginBinaryImport($"COPY \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");

        public override async Task RowAsync(params object?[] values)
        {
            await _importer.StartRowAsync();
            foreach (var value in values)
            {
                if (value is null) await _importer.WriteNullAsync();
                else await _importer.WriteAsync(value);
            }
        }

        public override async ValueTask DisposeAsync()
        {
            await _importer.CompleteAsync();
            await _importer.DisposeAsync();
        }
    }
}
