// Saving and loading corpora and single records as Boost.Serialization
// archives (binary, text, XML) or as JSON, with crash-safe writes and loaders
// that refuse damaged or hostile files with a clear error.
//
// Every archive sits in an envelope checked before Boost reads a byte:
//
//   magic "\x89SVK\r\n\x1a\n", container version, archive format, root type
//   name and schema version, Boost archive library version, payload length,
//   CRC-32 of the payload and CRC-32 of the envelope itself.
//
// docs/versioning.md describes the envelope byte by byte and the versioning
// rules. This header does not expose Boost, so consumers need not have it.
#pragma once

#include <samverkan/core/enum.hpp>
#include <samverkan/corpus.hpp>

#include <cstdint>
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

/// The formats a corpus can be saved in.
enum class ArchiveFormat { binary, text, xml, json };

template <>
struct enum_traits<ArchiveFormat> {
  static constexpr std::string_view type_name = "ArchiveFormat";
  static constexpr std::array<enum_entry<ArchiveFormat>, 4> entries{{
      {ArchiveFormat::binary, "binary", "binär", "svk|svkb|bin"},
      {ArchiveFormat::text, "text", "text", "svkt|txt"},
      {ArchiveFormat::xml, "xml", "xml", "svkx"},
      {ArchiveFormat::json, "json", "json"},
  }};
};

/// The format a file name implies: .svk and .svkb binary, .svkt text, .svkx
/// and .xml XML, .json JSON (case-insensitive). nullopt for anything else.
std::optional<ArchiveFormat> format_from_extension(const std::filesystem::path& path);

/// How save() treats the file it replaces.
struct SaveOptions {
  /// Replace a file whose mode grants no one write permission (0444). By
  /// default such a file is refused: its owner made it read-only on purpose.
  bool overwrite_read_only = false;
};

/// Saves the corpus to the file, in `format` or else the one its extension
/// implies (see format_from_extension). The file is replaced crash-safely:
/// written to a temporary file in the same directory, flushed to disk, renamed
/// over the target, and the directory flushed; if any step fails the previous
/// file is left intact and io_error names the step and the path. Also:
///  - a symbolic link is followed: the file it names is replaced, the link kept;
///  - the replaced file's permission bits are kept, less set-user-id,
///    set-group-id and sticky, and its owner and group where the process may
///    set them;
///  - a read-only file is refused unless options.overwrite_read_only; so is
///    a directory or anything else that is not a regular file;
///  - temporary files left by saves of the same target that were killed
///    (their process no longer runs) are removed.
/// Throws value_error when no format is given and the extension implies none,
/// or when the corpus holds a value no format can load (a date outside 1-9999).
void save(const Corpus& corpus, const std::filesystem::path& path, std::optional<ArchiveFormat> format = {},
          const SaveOptions& options = {});
/// Loads a file written by save() (or save_json), whatever its format: the
/// format is read from the content, not the name. Reads the file once.
/// Throws io_error when the file cannot be read, corrupt_file_error when it is
/// truncated, altered or not a samverkan file, schema_version_error when it
/// was written by a newer samverkan or a newer Boost, parse_error for JSON
/// that is not a valid corpus.
Corpus load(const std::filesystem::path& path);

/// The bytes save() would write, in memory.
std::string save_to_string(const Corpus& corpus, ArchiveFormat format);

/// Reads bytes written by save_to_string or save(), in any format. `source`
/// names them in error messages.
Corpus load_from_string(std::string_view bytes, std::string_view source = "");

/// One record (or a whole corpus) as a binary archive in its envelope: what
/// Python pickling uses. Defined for every corpus_record type and Corpus.
template <class T>
std::string to_bytes(const T& value);

/// Reads bytes written by to_bytes<T>; refuses bytes of another type.
template <class T>
T from_bytes(std::string_view bytes);

/// What a file's envelope (or JSON header) says, read without loading it.
struct ArchiveInfo {
  ArchiveFormat format = ArchiveFormat::binary;
  /// Root type: "Corpus", or a record type for to_bytes output.
  std::string type;
  /// Schema version of the root type (JSON: the document's "version").
  unsigned schema_version = 0;
  /// Version of the envelope layout; 0 for JSON, which has none.
  unsigned container_version = 0;
  /// Boost archive library version the payload was written with; 0 for JSON.
  unsigned boost_archive_version = 0;
  std::uint64_t payload_size = 0;
};

/// Reads and checks the envelope (for an archive: magic, versions, length and
/// CRCs) without reading the payload. Throws as load_from_string.
ArchiveInfo inspect(std::string_view bytes, std::string_view source = "");

/// The newest Boost archive library version this build reads and writes
/// (18 for Boost 1.74).
unsigned boost_archive_version() noexcept;

namespace detail {

/// The steps of a crash-safe save, in order; for error messages and tests.
enum class SaveStep { open, write, flush, sync_file, close, rename, sync_directory };

/// Test-only: when set, called before each step; throwing from it (or
/// returning false) makes that step fail as a real failure would.
using save_fault_hook = bool (*)(SaveStep step);
void set_save_fault_hook(save_fault_hook hook) noexcept;

/// Replaces `path` by `bytes` crash-safely (the procedure save() describes).
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes,
                           const SaveOptions& options = {});

/// Reads the whole of a regular file, bounded by the size it claims; throws
/// io_error naming the path for anything else (a directory, a FIFO, a device
/// such as /dev/zero, also through a symbolic link) and when the file grows
/// while it is read. Never blocks on open.
std::string read_file(const std::filesystem::path& path);

/// The most read_standard_input() reads by default: 1 GiB.
inline constexpr std::size_t max_standard_input = std::size_t{1} << 30;

/// Reads standard input to its end; throws io_error when it holds more than
/// `limit` bytes, so that an endless stream is an error, not a hang or a cut.
std::string read_standard_input(std::size_t limit = max_standard_input);

/// Wraps a payload in a valid envelope: for fuzzing the payload parsers past
/// the CRC check.
std::string wrap_payload(ArchiveFormat format, std::string_view payload, std::string_view type = "Corpus",
                         unsigned schema_version = 1);

}  // namespace detail

SAMVERKAN_END_NAMESPACE
