// Writes the seed corpus under fuzz/seeds/<target>/ (committed; rerun by hand
// only to add seeds). An existing seed is never overwritten, so the seeds of
// earlier layouts stay and keep the upgrade paths fuzzed: the seeds written
// from this build's corpora and records are named after the JSON layout
// version, "v4-file-1" (the untagged file-N and payload-N are layout 2 and
// its archives). Delete a seed to write it again. The seeds:
//  - binary, text, xml, json: small corpora as whole files and, for the
//    archives, as bare payloads;
//  - json also: hostile documents at the bounds of the JSON reader (nesting
//    of 400, 600 and some 3000 levels of arrays and of objects, 600 keys
//    and extension entries, repeated keys, a version 1 document);
//  - binary, text, xml and pickle also: a corpus (and an organisation)
//    whose extensions hold 3000 levels of brackets as text, which JSON
//    writing must not try to restore as a tree;
//  - pickle: the pickle state of Python (fuzz_pickle.cpp): a type byte and
//    to_bytes<T> of records of the sample corpus and of the test corpora,
//    and of whole corpora.
//
//   nice cmake --build build/fuzz -j2 --target samverkan_fuzz_make_seeds
//   build/fuzz/fuzz/samverkan_fuzz_make_seeds fuzz/seeds data/sample/corpus.json
//
// (or: g++ -std=c++20 -Iinclude fuzz/make_seeds.cpp libsamverkan.a -lboost_serialization)

#include "../tests/cpp/archive_support.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/schema.hpp>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

namespace sv = samverkan;

namespace {

// libFuzzer's -max_len in scripts/fuzz.sh: longer seeds would be cut.
constexpr std::size_t max_len = 16384;

void write(const std::filesystem::path& path, const std::string& bytes) {
  if (std::filesystem::exists(path)) return;
  std::ofstream(path, std::ios::binary) << bytes;
}

// The tag of seeds that depend on this build's layouts: "v4-".
const std::string release = "v" + std::to_string(sv::json_version) + "-";

std::string organisation_document(const std::string& members, int version = 2) {
  return R"({"schema": "samverkan.corpus", "version": )" + std::to_string(version) +
         R"(, "organisations": [{"id": "org/a", "name": "A", "kind": "region")" + members + "}]}";
}

std::string repeat(std::string_view part, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += part;
  return out;
}

void json_seeds(const std::filesystem::path& dir) {
  // 400 and 600 levels: either side of max_json_depth (512). 3000 levels of
  // arrays and 2500 of objects: within -max_len, and deep enough to
  // overflow the 1 MB stack scripts/fuzz.sh gives the targets where
  // recursion is unbounded (as it was before the depth limit).
  for (const std::size_t depth : {std::size_t{400}, std::size_t{600}, std::size_t{2500}, std::size_t{3000}}) {
    const std::string d = std::to_string(depth);
    // An unknown key holds the nested value (kept in extensions, written back).
    if (depth != 2500)
      write(dir / ("deep-arrays-" + d), organisation_document(R"(, "x": )" + repeat("[", depth) + repeat("]", depth)));
    if (depth != 3000)
      write(dir / ("deep-objects-" + d),
            organisation_document(R"(, "x": )" + repeat(R"({"a":)", depth) + "1" + repeat("}", depth)));
    if (depth > 600) continue;
    // Deep where a record is expected.
    write(dir / ("deep-table-" + d), R"({"schema": "samverkan.corpus", "version": 2, "organisations": )" +
                                          repeat("[", depth) + repeat("]", depth) + "}");
  }
  std::string members;
  std::string extensions = R"(, "extensions": {)";
  for (int i = 0; i < 600; ++i) {
    members += ", \"k" + std::to_string(i) + "\": " + std::to_string(i);
    extensions += (i ? ", \"e" : "\"e") + std::to_string(i) + "\": \"v\"";
  }
  write(dir / "many-keys", organisation_document(members));
  write(dir / "many-extensions", organisation_document(extensions + "}"));
  write(dir / "repeated-table",
        R"({"schema": "samverkan.corpus", "version": 2, "organisations": [{"id": "org/a", "name": "A"}], "organisations": []})");
  write(dir / "repeated-member", organisation_document(R"(, "name": "B")"));
  write(dir / "repeated-extension", organisation_document(R"(, "extensions": {"k": "1", "k": "2"})"));
  write(dir / "repeated-unknown", organisation_document(R"(, "x": {"k": 1, "k": 2})"));
  write(dir / "version-1",
        organisation_document(R"(, "extensions": {"organisationsnummer": "232100-0131", "note": "\u00e5\ud83d\ude00\n"})", 1));
}

template <class T>
void pickle_seed(const std::filesystem::path& dir, std::size_t type_index, const std::string& name, const T& value) {
  std::string bytes(1, static_cast<char>(type_index));
  bytes += sv::to_bytes(value);
  if (bytes.size() <= max_len) write(dir / (release + name), bytes);
}

using Records = std::tuple<sv::Organisation, sv::Person, sv::Membership, sv::Meeting, sv::ActionItem, sv::Agreement,
                           sv::ActionPlan, sv::FundingPot, sv::Allocation, sv::Indicator>;

// Up to `per_type` records of each type, each as the state of one pickle.
template <std::size_t... I>
void record_seeds(const std::filesystem::path& dir, const std::string& corpus_name, const sv::Corpus& corpus,
                  std::size_t per_type, std::index_sequence<I...>) {
  (
      [&] {
        using T = std::tuple_element_t<I, Records>;
        std::size_t n = 0;
        for (const auto& [id, record] : corpus.template all<T>()) {
          if (n == per_type) break;
          pickle_seed(dir, I + 1, std::string(sv::schema<T>::name) + "-" + corpus_name + "-" + std::to_string(n++),
                      record);
        }
      }(),
      ...);
}

}  // namespace

// An organisation whose extensions hold deeply nested brackets as text, as
// an archive or a Python program may: "json.x" is restored as JSON by
// to_json only when it can be, "note" is plain text.
sv::Organisation deep_extension_organisation() {
  const std::string nested = repeat("[", 3000) + repeat("]", 3000);
  return sv::Organisation{.id = sv::OrganisationId("org/deep"), .name = "Deep", .kind = sv::OrganisationKind::region,
                          .extensions = {{"json.x", nested}, {"note", nested}}};
}

int main(int argc, char** argv) {
  const std::filesystem::path root = argc > 1 ? argv[1] : "fuzz/seeds";
  const std::filesystem::path sample = argc > 2 ? argv[2] : "data/sample/corpus.json";
  const sv::Corpus corpora[] = {sv::Corpus{}, archive_support::small_corpus(), archive_support::random_corpus(1, 1)};
  const std::pair<sv::ArchiveFormat, const char*> formats[] = {{sv::ArchiveFormat::binary, "binary"},
                                                               {sv::ArchiveFormat::text, "text"},
                                                               {sv::ArchiveFormat::xml, "xml"},
                                                               {sv::ArchiveFormat::json, "json"}};
  for (const auto& [format, name] : formats) {
    std::filesystem::create_directories(root / name);
    int n = 0;
    for (const auto& corpus : corpora) {
      const std::string file = sv::save_to_string(corpus, format);
      write(root / name / (release + "file-" + std::to_string(n)), file);
      if (format != sv::ArchiveFormat::json) {
        const std::string payload = file.substr(36 + 6);  // after the envelope of a "Corpus"
        write(root / name / (release + "payload-" + std::to_string(n)), payload);
      }
      ++n;
    }
    if (format != sv::ArchiveFormat::json) {
      sv::Corpus deep;
      deep.add(deep_extension_organisation());
      write(root / name / (release + "file-deep-extension"), sv::save_to_string(deep, format));
    }
  }
  json_seeds(root / "json");

  const std::filesystem::path pickle = root / "pickle";
  std::filesystem::create_directories(pickle);
  const sv::Corpus sample_corpus = sv::load_json(sample);
  record_seeds(pickle, "sample", sample_corpus, 3, std::make_index_sequence<std::tuple_size_v<Records>>{});
  record_seeds(pickle, "small", corpora[1], 1, std::make_index_sequence<std::tuple_size_v<Records>>{});
  record_seeds(pickle, "random", corpora[2], 1, std::make_index_sequence<std::tuple_size_v<Records>>{});
  pickle_seed(pickle, 0, "Corpus-empty", corpora[0]);
  pickle_seed(pickle, 0, "Corpus-small", corpora[1]);
  pickle_seed(pickle, 0, "Corpus-random", corpora[2]);
  pickle_seed(pickle, 0, "Corpus-sample", sample_corpus);
  pickle_seed(pickle, 1, "Organisation-deep-extension", deep_extension_organisation());
  sv::Corpus deep;
  deep.add(deep_extension_organisation());
  pickle_seed(pickle, 0, "Corpus-deep-extension", deep);
}
