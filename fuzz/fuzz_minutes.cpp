// libFuzzer target of the importer (minutes, agreements and plans): any bytes, as a document, must
// parse without crashing, hanging or leaking, and whatever is parsed must go
// into a corpus that then validates and serialises. Name resolution runs
// against a corpus that already knows a few organisations and people, so
// the alias and acronym paths are exercised too.
#include <samverkan/corpus.hpp>
#include <samverkan/import/documents.hpp>
#include <samverkan/import/minutes.hpp>
#include <samverkan/io/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sv = samverkan;

namespace {
sv::Corpus base() {
  sv::Corpus corpus;
  corpus.add(sv::Organisation{.name = "Västra Götalandsregionen", .aliases = {"VGR"}, .kind = sv::OrganisationKind::region});
  corpus.add(sv::Organisation{.name = "Region Östergötland", .kind = sv::OrganisationKind::region});
  corpus.add(sv::Person{.name = "Anna Berg"});
  return corpus;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  // Both readers, as the importer runs them on a text file (the lines split
  // once): the agreement and plan readers run on every document it reads.
  const auto both = sv::import::parse_text_all(text, "fuzz.txt");
  const auto& parsed = both.minutes;
  const auto& held = both.documents;
  sv::Corpus corpus = base();
  try {
    sv::import::add_to_corpus(corpus, parsed, held);
  } catch (const sv::error&) {
    // A documented refusal (an id clash, say) is fine; a crash is not.
    return 0;
  }
  (void)corpus.validate();
  (void)sv::to_json(corpus);
  return 0;
}
