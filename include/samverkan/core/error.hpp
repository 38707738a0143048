// One exception hierarchy for the whole library. Every message says what was
// wrong and where: the file and line, the entity id, or the field.
#pragma once

#include <samverkan/version.hpp>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>

SAMVERKAN_BEGIN_NAMESPACE

/// Base of every exception samverkan throws. Catch this to catch them all.
class error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The caller or a file supplied a value that is not valid (Python: ValueError).
class value_error : public error {
 public:
  using error::error;
};

/// Text could not be read as what it should be (a date, an amount, a name of a
/// closed vocabulary). Carries where the text came from when that is known.
///
///   try { Money::parse("tolv kronor"); }
///   catch (const parse_error& e) { e.what(); /* names the text and why */ }
class parse_error : public value_error {
 public:
  explicit parse_error(const std::string& message, std::string source = {}, std::size_t line = 0)
      : value_error(locate(message, source, line)), source_(std::move(source)), line_(line) {}

  /// The document or file the text came from; empty when not known.
  const std::string& source() const noexcept { return source_; }
  /// One-based line number; 0 when not known.
  std::size_t line() const noexcept { return line_; }

 private:
  // Built with append: g++ 12 at -O2 warns falsely (-Wrestrict, GCC bug
  // 105329) on "literal" + std::string&&, and this header is compiled by
  // callers with their own warning flags.
  static std::string locate(const std::string& message, const std::string& source, std::size_t line) {
    std::string where = source;
    if (line) {
      where.append(source.empty() ? "line " : ":");
      where.append(std::to_string(line));
    }
    if (where.empty()) return message;
    where.append(": ");
    where.append(message);
    return where;
  }
  std::string source_;
  std::size_t line_ = 0;
};

/// Two amounts in different currencies were combined.
class currency_mismatch_error : public value_error {
 public:
  using value_error::value_error;
};

/// An exact computation would not fit in its integer type (e.g. money beyond
/// ±92 233 720 368 547 758 kr).
class overflow_error : public value_error {
 public:
  using value_error::value_error;
};

/// A record was added under an id the corpus already holds.
class duplicate_id_error : public value_error {
 public:
  using value_error::value_error;
};

/// An id that the corpus does not hold was looked up, updated or removed
/// (Python: KeyError).
class not_found_error : public error {
 public:
  using error::error;
};

/// A file could not be read or written (Python: OSError).
class io_error : public error {
 public:
  io_error(const std::string& message, std::string path)
      : error(path.empty() ? message : path + ": " + message), path_(std::move(path)) {}
  const std::string& path() const noexcept { return path_; }

 private:
  std::string path_;
};

/// A file is damaged: truncated, altered, or not a samverkan file of the
/// format it claims to be. The message names the path and what is wrong.
class corrupt_file_error : public io_error {
 public:
  using io_error::io_error;
};

/// A file was written by a newer samverkan (a record schema, a container or
/// a Boost archive library version above what this build reads). Refused
/// rather than misread; the message says which version and what is supported.
class schema_version_error : public io_error {
 public:
  schema_version_error(const std::string& type, unsigned file_version, unsigned supported_version,
                       std::string path = {})
      : io_error(type + " has version " + std::to_string(file_version) + " in the file, newer than version " +
                     std::to_string(supported_version) + " which this samverkan reads; upgrade samverkan to read it",
                 std::move(path)),
        type_(type),
        file_version_(file_version),
        supported_version_(supported_version) {}
  /// With a message of its own, for versions that are not a record schema's.
  schema_version_error(const std::string& message, std::string type, unsigned file_version,
                       unsigned supported_version, std::string path)
      : io_error(message, std::move(path)),
        type_(std::move(type)),
        file_version_(file_version),
        supported_version_(supported_version) {}

  /// The schema (record type, "container" or "boost archive") whose version is too new.
  const std::string& type() const noexcept { return type_; }
  unsigned file_version() const noexcept { return file_version_; }
  unsigned supported_version() const noexcept { return supported_version_; }

 private:
  std::string type_;
  unsigned file_version_ = 0;
  unsigned supported_version_ = 0;
};

SAMVERKAN_END_NAMESPACE
