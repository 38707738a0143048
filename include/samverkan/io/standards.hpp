// The field's open standards: a corpus exported as OParl 1.1 (meetings,
// agenda items, papers, organisations, people, memberships), as Popolo
// (people, organisations, memberships, events, motions and vote events) or as
// an OCDS 1.1 release package (agreements, their parties and money), and data
// in those formats read back into a corpus.
//
// Each standard carries what it has a place for in its own fields. What it
// cannot hold goes into the standard's extension mechanism as properties
// named "samverkan:<field>" with the field's value in the corpus JSON layout
// (io/json.hpp), so an export read back by import_standard gives the same
// corpus. A reader that ignores those properties sees valid standard data;
// docs/interop.md lists field by field what crosses and what does not.
//
//   auto files = export_standard(corpus, Standard::oparl, {.base_url = "https://data.example.se/oparl"});
//   write_standard_files(files, "out/oparl");
//   auto back = import_standard_directory(Standard::oparl, "out/oparl");
//   back.corpus == corpus;
//
// This header does not expose the JSON library.
#pragma once

#include <samverkan/corpus.hpp>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

SAMVERKAN_BEGIN_NAMESPACE

/// An interchange standard.
enum class Standard { oparl, popolo, ocds };

template <>
struct enum_traits<Standard> {
  static constexpr std::string_view type_name = "Standard";
  static constexpr std::array<enum_entry<Standard>, 3> entries{{
      {Standard::oparl, "oparl", "oparl", "oparl 1.1|oparl1.1"},
      {Standard::popolo, "popolo", "popolo"},
      {Standard::ocds, "ocds", "ocds", "ocds 1.1|open contracting"},
  }};
};

/// One JSON document of an export: its path relative to the export
/// directory ("meetings.json") and its text.
struct StandardFile {
  std::string path;
  std::string text;
  friend bool operator==(const StandardFile&, const StandardFile&) = default;
};

/// How to export.
struct ExportOptions {
  /// OParl: every object's id is this URL followed by "/" and the record's id
  /// (percent-encoded where a URL needs it), so ids stay the same from one
  /// export to the next. No trailing slash. Must start with http:// or https://.
  std::string base_url = "https://example.org/samverkan";
  /// OParl: the name of the one Body the export describes.
  std::string body_name = "samverkan";
  /// OCDS: the registered ocid prefix ("ocds-" and six characters); each
  /// agreement's ocid is the prefix, "-" and the agreement's id.
  std::string ocid_prefix = "ocds-svkn00";
  /// OCDS: the publisher's name in the release package.
  std::string publisher = "samverkan";
  /// OCDS: release date and package publishedDate, RFC 3339
  /// ("2025-01-31T12:00:00Z"). Empty: the time of the export.
  std::string date;
  /// Writes the "samverkan:" extension properties, and the record kinds the
  /// standard has no place for in a "samverkan:records" property of the root
  /// object. Without them the export is plain standard data and import
  /// recovers only what docs/interop.md lists as crossing.
  bool extensions = true;
};

/// Writes the corpus as documents of the standard:
///   oparl:  system.json, bodies.json, organizations.json, people.json,
///           meetings.json, papers.json (each an OParl object or object list
///           whose URL is base_url + "/" + the name without ".json")
///   popolo: popolo.json (persons, organizations, memberships, events,
///           motions, vote_events)
///   ocds:   release-package.json (one release per agreement)
/// Deterministic for equal corpora and options (given a fixed `date`).
/// Throws value_error when an option is unusable (base_url not http(s), an
/// ocid prefix that is not "ocds-" and six characters).
std::vector<StandardFile> export_standard(const Corpus& corpus, Standard standard, const ExportOptions& options = {});

/// Writes the files into `dir` (created when absent), each crash-safely.
/// Throws io_error naming the path.
void write_standard_files(const std::vector<StandardFile>& files, const std::filesystem::path& dir);

/// A corpus read from a standard, and what the reader had to say about it.
struct StandardImport {
  Corpus corpus;
  /// Things kept elsewhere or not at all, each naming file and object:
  /// "meetings.json: data[2]: object of type https://schema.oparl.org/1.1/File
  /// is not a meeting; not imported".
  std::vector<std::string> warnings;
};

/// Reads documents of the standard (as export_standard writes them, or as
/// another publisher does). Properties the reader does not use are kept in
/// the record's extensions as "<standard>.<property>" (e.g. "oparl.keyword")
/// with the property's JSON text; "samverkan:" properties restore the fields
/// the standard cannot hold. Objects of a type the reader does not know are
/// listed in the warnings. References to objects the data does not hold are
/// kept, for Corpus::validate() to report.
///
/// Throws parse_error naming the file and the object's path when a document
/// is not JSON, nests deeper than max_json_depth, or a value has the wrong
/// type; duplicate_id_error when two objects share an id. Time and memory
/// are linear in the size of the input.
StandardImport import_standard(Standard standard, const std::vector<StandardFile>& files);

/// Reads every *.json file of `dir` (not recursing), in name order, and
/// imports them as import_standard does. Throws io_error when the directory
/// cannot be read or holds no .json file.
StandardImport import_standard_directory(Standard standard, const std::filesystem::path& dir);

/// Checks documents against the standard's rules as its specification states
/// them: required properties, value types, date and URL formats, closed code
/// lists, and that every reference between objects of the export points at
/// an object the export holds. One line per problem, naming the file, the
/// object's path and the property; empty when the documents conform.
std::vector<std::string> check_standard(Standard standard, const std::vector<StandardFile>& files);

SAMVERKAN_END_NAMESPACE
