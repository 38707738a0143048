// Golden tests of the importer's classify and outline stages: for every
// sample layout (the labelled fidelity set and data/sample/minutes) the
// outline of sections with their line ranges is compared with the file in
// tests/golden/outline. To write them anew after a deliberate change, run
// with SAMVERKAN_UPDATE_GOLDEN=1 and read the difference before committing.
#include "../../src/import/classify.hpp"
#include "../../src/import/outline.hpp"
#include "../../src/import/scan.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <string>
#include <vector>

namespace d = samverkan::import::detail;
namespace fs = std::filesystem;

namespace {

const fs::path source_dir = fs::path(SAMVERKAN_SOURCE_DIR);

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<fs::path> layouts() {
  std::vector<fs::path> out;
  for (const fs::path& dir : {source_dir / "benchmarks" / "fidelity" / "documents", source_dir / "data" / "sample" / "minutes"})
    for (const auto& e : fs::directory_iterator(dir))
      if (e.path().extension() == ".txt" || e.path().extension() == ".md")
        if (e.path().filename() != "README.md") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

d::Lines lines_of(std::initializer_list<const char*> texts) {
  d::Lines lines;
  for (const char* t : texts) lines.add(t, 1, 1);
  return lines;
}

}  // namespace

TEST_CASE("outline of every sample layout matches its golden file", "[import][outline]") {
  const bool update = std::getenv("SAMVERKAN_UPDATE_GOLDEN") != nullptr;
  const auto paths = layouts();
  REQUIRE(paths.size() >= 26);
  for (const auto& path : paths) {
    const fs::path golden = source_dir / "tests" / "golden" / "outline" / (path.filename().string() + ".outline");
    const std::string got = d::describe_outline(slurp(path));
    if (update) {
      fs::create_directories(golden.parent_path());
      std::ofstream(golden, std::ios::binary) << got;
      continue;
    }
    INFO(path.filename().string());
    REQUIRE(fs::exists(golden));
    CHECK(got == slurp(golden));
  }
}

TEST_CASE("classify: labels, items, table rows, headings and signatures", "[import][outline]") {
  const d::Lines lines = lines_of({"Datum: 2024-03-14", "LEDAMÖTER", "Anna Berg\tRegion Uppsala", "", "1. Budget",
                                    "Text om det.", "", "2. Övrigt", "Vid protokollet", "Per Lind"});
  const auto c = d::classify(lines);
  CHECK(c.style == d::ItemStyle::numbered);
  CHECK(c.lines[0].kind == d::LineKind::label);
  CHECK(c.lines[0].label.kind == d::LabelKind::date);
  CHECK(c.lines[0].label.value == "2024-03-14");
  CHECK(c.lines[1].kind == d::LineKind::label);  // "Ledamöter" opens a list
  CHECK(c.lines[1].caps);
  CHECK(c.lines[2].kind == d::LineKind::table_row);
  CHECK(c.lines[2].cells == 2);
  CHECK(c.lines[3].kind == d::LineKind::blank);
  CHECK(c.lines[4].kind == d::LineKind::item_number);
  CHECK(c.lines[4].item->number == "1");
  CHECK(c.lines[4].item->title == "Budget");
  CHECK(c.lines[5].kind == d::LineKind::text);
  CHECK(c.lines[8].kind == d::LineKind::signature);

  const auto sections = d::outline(lines, c);
  REQUIRE(sections.size() == 5);
  CHECK(sections[0].kind == d::SectionKind::header);
  CHECK(sections[1].kind == d::SectionKind::attendance);
  CHECK(sections[1].first == 1);
  CHECK(sections[1].last == 2);
  CHECK(sections[2].kind == d::SectionKind::item);
  CHECK(sections[2].heading == "1 Budget");
  CHECK(sections[3].kind == d::SectionKind::item);
  CHECK(sections[3].last == 7);
  CHECK(sections[4].kind == d::SectionKind::closing);
  CHECK(sections[4].last == 9);
}

TEST_CASE("classify: an item title broken over lines is joined", "[import][outline]") {
  d::Lines lines = lines_of({"1. MÖTETS ÖPPNANDE OCH VAL AV", "JUSTERARE", "Ordföranden öppnade.", "2. Budget för",
                             "nästa år", "3. Budget för", "Text."});
  lines[1].indent = 3;
  lines[4].indent = 3;
  d::join_title_continuations(lines);
  CHECK(lines[0].text() == "1. MÖTETS ÖPPNANDE OCH VAL AV JUSTERARE");
  CHECK(lines[1].blank());
  CHECK(lines[2].text() == "Ordföranden öppnade.");
  CHECK(lines[3].text() == "2. Budget för nästa år");
  CHECK(lines[5].text() == "3. Budget för");  // text that is not indented stays
  CHECK(lines[6].text() == "Text.");
}
