// JSON interchange of a whole corpus: the format in which corpora are saved,
// bundled as sample data and handed to other programs.
//
// The layout (schema "samverkan.corpus", version 3) is stable and documented
// in src/io_json.cpp and docs/corpus.schema.json; versions 1 and 2 still load. In short:
//
//   {"schema": "samverkan.corpus", "version": 1,
//    "organisations": [...], "people": [...], "memberships": [...],
//    "meetings": [...], "action_items": [...], "agreements": [...],
//    "plans": [...], "funding_pots": [...], "allocations": [...],
//    "indicators": [...]}
//
// Every record is an object whose keys are the C++ field names. Ids are
// strings, vocabularies their English names (Swedish names and synonyms are
// accepted on input), dates "YYYY-MM-DD", times "HH:MM", money
// {"ore": 128000000000, "currency": "SEK"} (never floating point).
//
// This header does not expose the JSON library, so consumers need not have it.
#pragma once

#include <samverkan/corpus.hpp>
#include <samverkan/io/archive.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

SAMVERKAN_BEGIN_NAMESPACE

/// The value of the "schema" key every corpus document carries.
inline constexpr std::string_view json_schema = "samverkan.corpus";
/// The newest layout version this library reads and the one it writes.
inline constexpr int json_version = 4;
/// How deeply arrays and objects may nest in a document (a corpus needs
/// about eight levels; the rest is room for extensions). Deeper text is
/// refused with its path rather than read into a tree that could not be
/// written back without exhausting the stack. An extension value nested
/// deeper is written as a string under "extensions", never as JSON.
inline constexpr std::size_t max_json_depth = 512;

/// The corpus as a JSON document. Records appear in id order and keys in a
/// fixed order, so equal corpora give identical text (diff-friendly). `indent`
/// spaces per level; a negative indent writes everything on one line. UTF-8
/// text is written as is, not as \u escapes. No trailing newline.
///
/// Throws value_error when a text field is not valid UTF-8, naming the field.
std::string to_json(const Corpus& corpus, int indent = 2);

/// Reads a document written by to_json (or by hand, or by a newer version of
/// this library). `source` names the text in error messages (a file name).
///
///   auto corpus = from_json(text, "corpus.json");
///   from_json(to_json(corpus)) == corpus;
///
/// Unknown keys in a record are kept in its `extensions` as "json.<key>" with
/// the JSON text of the value, and to_json writes them back under their own
/// key, so data a newer version wrote survives a round trip.
///
/// A key given twice in one object is refused (JSON leaves it undefined, and
/// keeping either would drop data without a word), as is nesting deeper than
/// max_json_depth. Time and memory are linear in the size of the text.
///
/// Throws parse_error when the text is not JSON, is not a corpus document, has
/// a newer version, or a field is missing, of the wrong type or unreadable; the
/// message names the source and the field's path, e.g.
/// "corpus.json: meetings[0].attendance[2].status: unknown AttendanceStatus 'x' ...".
/// Throws duplicate_id_error when two records share an id.
Corpus from_json(std::string_view text, std::string_view source = "");

/// Writes to_json(corpus) and a newline to the file, replacing it. The file is
/// written under a temporary name first, so a failed save leaves an existing
/// file intact; the rest as save() in io/archive.hpp. Throws io_error naming the path.
void save_json(const Corpus& corpus, const std::filesystem::path& path, const SaveOptions& options = {});

/// Reads a file written by save_json. Throws io_error naming the path when the
/// file cannot be read, and the errors of from_json, with the path as source.
Corpus load_json(const std::filesystem::path& path);

SAMVERKAN_END_NAMESPACE
