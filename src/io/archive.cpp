// The envelope around every archive, format dispatch, and the crash-safe
// file writer shared with JSON saving.
//
// Envelope, container version 1 (all integers little-endian):
//
//   offset  size  field
//        0     8  magic "\x89SVK\r\n\x1a\n" (a high byte and CR LF catch
//                 transfers that mangle binary files; ^Z stops DOS `type`)
//        8     2  container version (1)
//       10     1  archive format: 1 binary, 2 text, 3 XML
//       11     1  length n of the root type name (1..64)
//       12     4  schema version of the root type
//       16     4  Boost archive library version of the payload
//       20     8  payload length in bytes
//       28     4  CRC-32 of the payload
//       32     n  root type name ("Corpus", "Meeting", ...)
//     32+n     4  CRC-32 of bytes 0 .. 32+n
//     36+n        the payload: a Boost archive without Boost's own header
//
// Everything is checked before the payload reaches Boost: a file that fails
// any check is refused with an error naming the check.

#include "payload.hpp"
#include "upgrade.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <boost/archive/basic_archive.hpp>

#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <optional>
#include <type_traits>
#include <string>
#include <system_error>

SAMVERKAN_BEGIN_NAMESPACE

namespace {

constexpr std::string_view magic{"\x89SVK\r\n\x1a\n", 8};
constexpr unsigned container_version = 1;
constexpr std::size_t fixed_header = 32;
constexpr std::size_t max_type_name = 64;

// CRC-32 (the IEEE polynomial, reflected, as zlib and boost::crc_32_type
// compute it), eight bytes a step with eight tables ("slicing-by-8"): about
// five times the speed of a byte-at-a-time table, with the same result.
constexpr std::uint32_t crc_polynomial = 0xEDB88320U;

struct crc_tables {
  std::uint32_t t[8][256]{};
  constexpr crc_tables() {
    for (std::uint32_t i = 0; i < 256; ++i) {
      std::uint32_t c = i;
      for (int k = 0; k < 8; ++k) c = (c & 1U) ? (c >> 1) ^ crc_polynomial : c >> 1;
      t[0][i] = c;
    }
    for (std::uint32_t i = 0; i < 256; ++i)
      for (int s = 1; s < 8; ++s) t[s][i] = (t[s - 1][i] >> 8) ^ t[0][t[s - 1][i] & 0xFFU];
  }
};
constexpr crc_tables crc_table{};

std::uint32_t crc32(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  std::size_t n = bytes.size();
  std::uint32_t c = 0xFFFFFFFFU;
  const auto& t = crc_table.t;
  for (; n >= 8; n -= 8, p += 8) {
    // Assembled byte by byte: the same on any endianness, and compilers
    // turn it into plain loads.
    const std::uint32_t lo = (std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8 | std::uint32_t{p[2]} << 16 |
                              std::uint32_t{p[3]} << 24) ^ c;
    const std::uint32_t hi =
        std::uint32_t{p[4]} | std::uint32_t{p[5]} << 8 | std::uint32_t{p[6]} << 16 | std::uint32_t{p[7]} << 24;
    c = t[7][lo & 0xFFU] ^ t[6][(lo >> 8) & 0xFFU] ^ t[5][(lo >> 16) & 0xFFU] ^ t[4][lo >> 24] ^
        t[3][hi & 0xFFU] ^ t[2][(hi >> 8) & 0xFFU] ^ t[1][(hi >> 16) & 0xFFU] ^ t[0][hi >> 24];
  }
  for (; n > 0; --n, ++p) c = t[0][(c ^ *p) & 0xFFU] ^ (c >> 8);
  return c ^ 0xFFFFFFFFU;
}

// Little-endian whatever the machine, so envelopes read the same everywhere.
template <class U>
void put(std::string& out, U value) {
  const auto wide = static_cast<std::uint64_t>(value);
  for (std::size_t i = 0; i < sizeof(U); ++i) out.push_back(static_cast<char>((wide >> (8 * i)) & 0xFFU));
}

template <class U>
U get(std::string_view bytes, std::size_t offset) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < sizeof(U); ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  return static_cast<U>(value);
}

std::uint8_t format_code(ArchiveFormat format) {
  switch (format) {
    case ArchiveFormat::binary: return 1;
    case ArchiveFormat::text: return 2;
    case ArchiveFormat::xml: return 3;
    case ArchiveFormat::json: break;
  }
  throw value_error("JSON has no archive envelope");
}

[[noreturn]] void damaged(const std::string& what) { throw corrupt_file_error(what, {}); }

struct Envelope {
  ArchiveInfo info;
  std::size_t header_size = 0;
  std::uint32_t payload_crc = 0;
};

std::string make_envelope(ArchiveFormat format, std::string_view type, unsigned schema_version,
                          std::string_view payload) {
  std::string out(magic);
  put<std::uint16_t>(out, container_version);
  put<std::uint8_t>(out, format_code(format));
  put<std::uint8_t>(out, static_cast<std::uint8_t>(type.size()));
  put<std::uint32_t>(out, schema_version);
  put<std::uint32_t>(out, boost_archive_version());
  put<std::uint64_t>(out, payload.size());
  put<std::uint32_t>(out, crc32(payload));
  out += type;
  put<std::uint32_t>(out, crc32(out));
  out.reserve(out.size() + payload.size());
  out += payload;
  return out;
}

bool has_magic(std::string_view bytes) { return bytes.starts_with(magic); }

// Errors here have no path; the callers add the source.
Envelope read_envelope(std::string_view bytes) {
  if (!has_magic(bytes)) {
    if (magic.starts_with(bytes)) damaged("truncated: " + std::to_string(bytes.size()) + " bytes, shorter than the envelope");
    damaged("not a samverkan archive (wrong magic bytes)");
  }
  if (bytes.size() < magic.size() + 2) damaged("truncated inside the envelope");
  const unsigned container = get<std::uint16_t>(bytes, 8);
  if (container == 0) damaged("envelope damaged: container version 0 does not exist");
  if (container > container_version)
    throw schema_version_error("the archive container has version " + std::to_string(container) +
                                   ", newer than version " + std::to_string(container_version) +
                                   " which this samverkan reads; upgrade samverkan to read it",
                               "container", container, container_version, {});
  if (bytes.size() < fixed_header) damaged("truncated inside the envelope");
  const std::size_t name_size = get<std::uint8_t>(bytes, 11);
  if (name_size == 0 || name_size > max_type_name) damaged("envelope damaged: bad type name length");
  const std::size_t header_size = fixed_header + name_size + 4;
  if (bytes.size() < header_size) damaged("truncated inside the envelope");
  if (crc32(bytes.substr(0, header_size - 4)) != get<std::uint32_t>(bytes, header_size - 4))
    damaged("envelope damaged (its CRC-32 does not match)");

  Envelope e;
  e.header_size = header_size;
  e.info.container_version = container;
  switch (get<std::uint8_t>(bytes, 10)) {
    case 1: e.info.format = ArchiveFormat::binary; break;
    case 2: e.info.format = ArchiveFormat::text; break;
    case 3: e.info.format = ArchiveFormat::xml; break;
    default: damaged("envelope damaged: unknown archive format " + std::to_string(get<std::uint8_t>(bytes, 10)));
  }
  e.info.type.assign(bytes.substr(fixed_header, name_size));
  e.info.schema_version = get<std::uint32_t>(bytes, 12);
  e.info.boost_archive_version = get<std::uint32_t>(bytes, 16);
  e.info.payload_size = get<std::uint64_t>(bytes, 20);
  e.payload_crc = get<std::uint32_t>(bytes, 28);
  if (e.info.boost_archive_version > boost_archive_version())
    throw schema_version_error("written with a newer Boost serialization library (archive version " +
                                   std::to_string(e.info.boost_archive_version) + ") than this build reads (up to " +
                                   std::to_string(boost_archive_version()) +
                                   "); open it with a samverkan built against that Boost, or convert it to JSON there",
                               "Boost archive", e.info.boost_archive_version, boost_archive_version(), {});
  if (e.info.boost_archive_version == 0) damaged("envelope damaged: Boost archive version 0 does not exist");
  const std::uint64_t available = bytes.size() - header_size;
  if (available < e.info.payload_size)
    damaged("truncated: the payload has " + std::to_string(available) + " of " + std::to_string(e.info.payload_size) +
            " bytes");
  if (available > e.info.payload_size)
    damaged(std::to_string(available - e.info.payload_size) + " unexpected bytes after the payload");
  if (crc32(bytes.substr(header_size)) != e.payload_crc) damaged("payload damaged (its CRC-32 does not match)");
  return e;
}

// Re-throws the current exception with the source in front, when it lacks one.
[[noreturn]] void rethrow_with(std::string_view source) {
  try {
    throw;
  } catch (const schema_version_error& e) {
    if (source.empty() || !e.path().empty()) throw;
    throw schema_version_error(e.what(), e.type(), e.file_version(), e.supported_version(), std::string(source));
  } catch (const corrupt_file_error& e) {
    if (source.empty() || !e.path().empty()) throw;
    throw corrupt_file_error(e.what(), std::string(source));
  }
}

bool looks_like_json(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  const auto first = std::find_if(bytes.begin(), bytes.end(), [](char c) { return !std::isspace(static_cast<unsigned char>(c)); });
  return first != bytes.end() && *first == '{';
}

template <class T>
std::string write_payload(ArchiveFormat format, const T& value) {
  switch (format) {
    case ArchiveFormat::binary: return detail::write_binary(value);
    case ArchiveFormat::text: return detail::write_text(value);
    case ArchiveFormat::xml: return detail::write_xml(value);
    case ArchiveFormat::json: break;
  }
  throw value_error("JSON has no archive envelope");
}

template <class T>
T read_archive(std::string_view bytes, std::string_view source) {
  try {
    const Envelope e = read_envelope(bytes);
    if (e.info.type != schema<T>::name)
      damaged("holds a " + e.info.type + ", not a " + std::string(schema<T>::name));
    if (e.info.schema_version > schema<T>::version)
      throw schema_version_error(e.info.type, e.info.schema_version, schema<T>::version, {});
    if (e.info.schema_version == 0) damaged("envelope damaged: schema version 0 does not exist");
    const std::string_view payload = bytes.substr(e.header_size);
    T value{};
    // A corpus takes in every record first and builds its indexes once at
    // the end: one sort per index instead of a tree insert per reference.
    std::optional<detail::bulk_add> bulk;
    if constexpr (std::is_same_v<T, Corpus>) bulk.emplace(value);
    switch (e.info.format) {
      case ArchiveFormat::binary: detail::read_binary(payload, e.info.boost_archive_version, value); break;
      case ArchiveFormat::text: detail::read_text(payload, e.info.boost_archive_version, value); break;
      case ArchiveFormat::xml: detail::read_xml(payload, e.info.boost_archive_version, value); break;
      case ArchiveFormat::json: break;
    }
    if (bulk) bulk->finish();
    return value;
  } catch (...) {
    rethrow_with(source);
  }
}

// ---- crash-safe writing ----

std::atomic<detail::save_fault_hook> fault_hook{nullptr};

std::string_view step_name(detail::SaveStep step) {
  switch (step) {
    case detail::SaveStep::open: return "create the temporary file";
    case detail::SaveStep::write: return "write the temporary file";
    case detail::SaveStep::flush: return "flush the temporary file";
    case detail::SaveStep::sync_file: return "sync the temporary file to disk";
    case detail::SaveStep::close: return "close the temporary file";
    case detail::SaveStep::rename: return "rename the temporary file over the target";
    case detail::SaveStep::sync_directory: return "sync the directory to disk";
  }
  return "?";
}

// True when the test hook asks this step to fail.
bool injected(detail::SaveStep step) {
  const auto hook = fault_hook.load();
  return hook && !hook(step);
}

// The file a save writes: `path`, or where a symbolic link at `path` leads
// (followed through chains of links), so that saving through a link updates
// the file it names and keeps the link.
std::filesystem::path save_target(const std::filesystem::path& path) {
  std::filesystem::path target = path;
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!std::filesystem::is_symlink(target, ec)) return target;
    const std::filesystem::path next = std::filesystem::read_symlink(target, ec);
    if (ec) throw io_error("cannot save: cannot read the symbolic link: " + ec.message(), path.string());
    target = next.is_absolute() ? next : target.parent_path() / next;
  }
  throw io_error("cannot save: too many levels of symbolic links", path.string());
}

constexpr std::string_view temporary_marker = ".tmp-";

// ".NAME.tmp-PID-N": the temporary file of process PID saving NAME.
std::string temporary_name(const std::filesystem::path& target, unsigned serial) {
  return "." + target.filename().string() + std::string(temporary_marker) + std::to_string(::getpid()) + "-" +
         std::to_string(serial);
}

// The process id in a temporary name of ours for `target`, or 0.
pid_t temporary_owner(const std::string& name, const std::filesystem::path& target) {
  const std::string prefix = "." + target.filename().string() + std::string(temporary_marker);
  if (!name.starts_with(prefix)) return 0;
  const std::string_view rest = std::string_view(name).substr(prefix.size());
  const auto dash = rest.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size()) return 0;
  long pid = 0;
  for (const char c : rest.substr(0, dash)) {
    if (c < '0' || c > '9' || pid > 4194304) return 0;
    pid = pid * 10 + (c - '0');
  }
  for (const char c : rest.substr(dash + 1))
    if (c < '0' || c > '9') return 0;
  return static_cast<pid_t>(pid);
}

// A save killed between creating its temporary file and renaming it leaves
// the file behind. The next save of the same target removes those whose
// process is gone; a live process's file (one saving right now) is kept.
void remove_stale_temporaries(const std::filesystem::path& directory, const std::filesystem::path& target) {
  std::error_code ec;
  std::filesystem::directory_iterator it(directory, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const pid_t owner = temporary_owner(name, target);
    if (owner <= 0 || owner == ::getpid()) continue;
    if (::kill(owner, 0) == 0 || errno != ESRCH) continue;
    std::error_code ignored;
    if (it->is_regular_file(ignored)) std::filesystem::remove(it->path(), ignored);
  }
}

class Saver {
 public:
  Saver(const std::filesystem::path& path, const SaveOptions& options)
      : path_(path), target_(save_target(path)), options_(options) {}
  ~Saver() {
    if (fd_ >= 0) ::close(fd_);
    if (!temporary_.empty()) ::unlink(temporary_.c_str());
  }
  Saver(const Saver&) = delete;
  Saver& operator=(const Saver&) = delete;

  void save(std::string_view bytes) {
    const std::filesystem::path directory = target_.has_parent_path() ? target_.parent_path() : ".";
    static std::atomic<unsigned> counter{0};
    const std::string temporary = (directory / temporary_name(target_, counter++)).string();

    // Keep the permissions of the file being replaced, less set-user-id,
    // set-group-id and sticky: a save must not hand out privileges.
    mode_t mode = 0666;
    struct stat existing {};
    existed_ = ::stat(target_.c_str(), &existing) == 0;
    if (existed_) {
      if (S_ISDIR(existing.st_mode)) throw io_error("cannot save: is a directory", path_.string());
      if (!S_ISREG(existing.st_mode))
        throw io_error("cannot save: is not a regular file; nothing was written", path_.string());
      // Root may write anything, so the mode bits, not access(2), say what
      // the owner meant.
      if ((existing.st_mode & 0222) == 0 && !options_.overwrite_read_only)
        throw io_error("cannot save: the file is read-only; nothing was written (make it writable, or save with "
                       "overwrite_read_only / --force)",
                       path_.string());
      mode = existing.st_mode & 0777;
    }
    remove_stale_temporaries(directory, target_);

    step(detail::SaveStep::open, [&] {
      fd_ = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
      if (fd_ >= 0) temporary_ = temporary;
      return fd_ >= 0;
    });
    if (existed_) {
      // The umask may have narrowed the mode; the owner's file keeps its own.
      // Owner and group follow where we may set them (as root); elsewhere
      // the new file is ours, as any rewrite would make it.
      (void)::fchmod(fd_, mode);
      if (::fchown(fd_, existing.st_uid, existing.st_gid) != 0) {
        // Not ours to give away: the new file stays ours.
      }
    }
    step(detail::SaveStep::write, [&] {
      // One write; loop only if the kernel takes less than all of it.
      std::size_t done = 0;
      while (done < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
      }
      return true;
    });
    // Nothing is buffered in user space (write(2) directly); the step exists
    // so that the sequence matches the documented one and can be tested.
    step(detail::SaveStep::flush, [] { return true; });
    step(detail::SaveStep::sync_file, [&] { return ::fsync(fd_) == 0; });
    step(detail::SaveStep::close, [&] {
      const int fd = fd_;
      fd_ = -1;
      return ::close(fd) == 0;
    });
    step(detail::SaveStep::rename, [&] { return ::rename(temporary.c_str(), target_.c_str()) == 0; });
    temporary_.clear();
    step(detail::SaveStep::sync_directory, [&] {
      const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (dir < 0) return false;
      const bool ok = ::fsync(dir) == 0;
      const int saved = errno;
      ::close(dir);
      errno = saved;
      return ok;
    });
  }

 private:
  template <class F>
  void step(detail::SaveStep which, F&& action) {
    errno = 0;
    if (injected(which)) {
      fail(which, "injected failure");
    }
    if (!action()) fail(which, errno ? std::strerror(errno) : "failed");
  }

  [[noreturn]] void fail(detail::SaveStep which, const std::string& why) {
    std::string message = "cannot save: could not " + std::string(step_name(which)) + ": " + why;
    if (which == detail::SaveStep::sync_directory)
      message += " (the new file is in place but may not survive a power cut)";
    else if (existed_)
      message += "; the previous file is unchanged";
    else
      message += "; no file was created";
    throw io_error(message, path_.string());
  }

  std::filesystem::path path_;
  std::filesystem::path target_;
  SaveOptions options_;
  bool existed_ = false;
  std::string temporary_;
  int fd_ = -1;
};

// Reads from `fd` until end of file, at most `limit` bytes (one more is an
// error, so nothing is silently cut off); `expected` sizes the buffer.
std::string read_all(int fd, std::size_t expected, std::size_t limit, const std::string& source,
                     const std::string& too_large) {
  std::string bytes;
  bytes.resize(std::min(expected, limit) + 1);
  std::size_t done = 0;
  for (;;) {
    if (done == bytes.size()) {
      if (done > limit) throw io_error(too_large, source);
      bytes.resize(std::min(std::max<std::size_t>(bytes.size() * 2, 65536), limit + 1));
    }
    const ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw io_error(std::string("cannot read: ") + std::strerror(errno), source);
    if (n == 0) break;
    done += static_cast<std::size_t>(n);
    if (done > limit) throw io_error(too_large, source);
  }
  bytes.resize(done);
  return bytes;
}

std::string_view file_type_name(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

}  // namespace

namespace detail {

void set_save_fault_hook(save_fault_hook hook) noexcept { fault_hook.store(hook); }

void write_file_atomically(const std::filesystem::path& path, std::string_view bytes, const SaveOptions& options) {
  if (path.empty()) throw io_error("cannot save: empty file name", {});
  Saver saver(path, options);
  saver.save(bytes);
}

std::string read_file(const std::filesystem::path& path) {
  // O_NONBLOCK so that a FIFO does not hang open() waiting for a writer; a
  // FIFO is refused below like every file that is not a regular one.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    const int e = errno;
    throw io_error(e == ENOENT ? "no such file" : std::string("cannot open the file for reading: ") + std::strerror(e),
                   path.string());
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st {};
  if (::fstat(fd, &st) != 0) throw io_error(std::string("cannot read the file: ") + std::strerror(errno), path.string());
  if (S_ISDIR(st.st_mode)) throw io_error("is a directory, not a file", path.string());
  if (!S_ISREG(st.st_mode))
    throw io_error("is " + std::string(file_type_name(st.st_mode)) +
                       ", not a regular file; give a file (commands that read a corpus take '-' for standard input)",
                   path.string());
  // Bounded by the size the file claims: a file that grows while it is
  // read is refused rather than read without end or cut off.
  const auto size = static_cast<std::size_t>(st.st_size);
  return read_all(fd, size, size, path.string(), "the file grew while it was read; read it when it is complete");
}

std::string read_standard_input(std::size_t limit) {
  return read_all(STDIN_FILENO, 65536, limit, "<stdin>",
                  "standard input holds more than " + std::to_string(limit >> 20) +
                      " MiB; save it to a file and give the file instead");
}

std::string wrap_payload(ArchiveFormat format, std::string_view payload, std::string_view type, unsigned schema_version) {
  return make_envelope(format, type.substr(0, max_type_name), schema_version, payload);
}

}  // namespace detail

unsigned boost_archive_version() noexcept {
  const boost::serialization::library_version_type version = boost::archive::BOOST_ARCHIVE_VERSION();
  const std::uint_least16_t number = version;
  return number;
}

std::optional<ArchiveFormat> format_from_extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (ext == ".svk" || ext == ".svkb") return ArchiveFormat::binary;
  if (ext == ".svkt") return ArchiveFormat::text;
  if (ext == ".svkx" || ext == ".xml") return ArchiveFormat::xml;
  if (ext == ".json") return ArchiveFormat::json;
  return std::nullopt;
}

std::string save_to_string(const Corpus& corpus, ArchiveFormat format) {
  if (format == ArchiveFormat::json) return to_json(corpus) + "\n";
  return make_envelope(format, schema<Corpus>::name, schema<Corpus>::version, write_payload(format, corpus));
}

Corpus load_from_string(std::string_view bytes, std::string_view source) {
  if (!has_magic(bytes) && looks_like_json(bytes)) return from_json(bytes, source);
  if (!has_magic(bytes) && !magic.starts_with(bytes))
    throw corrupt_file_error("not a samverkan file: neither an archive (no magic bytes) nor a JSON document",
                             std::string(source));
  return read_archive<Corpus>(bytes, source);
}

void save(const Corpus& corpus, const std::filesystem::path& path, std::optional<ArchiveFormat> format,
          const SaveOptions& options) {
  if (!format) format = format_from_extension(path);
  if (!format)
    throw value_error("cannot tell the format from the name '" + path.filename().string() +
                      "': use .svk (binary), .svkt (text), .svkx or .xml (XML), .json, or give the format");
  detail::write_file_atomically(path, save_to_string(corpus, *format), options);
}

Corpus load(const std::filesystem::path& path) { return load_from_string(detail::read_file(path), path.string()); }

ArchiveInfo inspect(std::string_view bytes, std::string_view source) {
  if (!has_magic(bytes) && looks_like_json(bytes)) {
    const auto doc = nlohmann::json::parse(bytes.begin(), bytes.end(), nullptr, /*allow_exceptions=*/false);
    if (!doc.is_object() || !doc.contains("schema") || doc["schema"] != json_schema || !doc.contains("version") ||
        !doc["version"].is_number_unsigned())
      throw parse_error("not a samverkan corpus JSON document", std::string(source));
    ArchiveInfo info;
    info.format = ArchiveFormat::json;
    info.type = "Corpus";
    info.schema_version = doc["version"].get<unsigned>();
    info.payload_size = bytes.size();
    return info;
  }
  try {
    return read_envelope(bytes).info;
  } catch (...) {
    rethrow_with(source);
  }
}

template <class T>
std::string to_bytes(const T& value) {
  return make_envelope(ArchiveFormat::binary, schema<T>::name, schema<T>::version, write_payload(ArchiveFormat::binary, value));
}

template <class T>
T from_bytes(std::string_view bytes) {
  return read_archive<T>(bytes, "");
}

#define SAMVERKAN_INSTANTIATE(T)                          \
  template std::string to_bytes<T>(const T&); \
  template T from_bytes<T>(std::string_view);
SAMVERKAN_ARCHIVE_ROOTS(SAMVERKAN_INSTANTIATE)
#undef SAMVERKAN_INSTANTIATE

SAMVERKAN_END_NAMESPACE
