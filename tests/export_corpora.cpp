// Writes test corpora as JSON for the JSON Schema check
// (tests/validate_json_schema.py): the shared sample of tests/cpp/fixtures.hpp,
// randomly generated corpora, and any corpus files given, re-exported.
//
//   samverkan_export_corpora OUTDIR [FILE...]
//   samverkan_export_corpora --schema      the generated JSON Schema (scripts/schema.sh)

#include "cpp/archive_support.hpp"
#include "cpp/fixtures.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/fields.hpp>
#include <samverkan/io/json.hpp>

#include <exception>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: samverkan_export_corpora OUTDIR [FILE...]\n";
    return 2;
  }
  try {
    if (std::string_view(argv[1]) == "--schema") {
      std::cout << samverkan::corpus_json_schema();
      return 0;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    samverkan::save_json(fixtures::sample().corpus, out / "fixtures-sample.json");
    for (std::uint64_t seed = 1; seed <= 5; ++seed)
      samverkan::save_json(archive_support::random_corpus(seed, 3), out / ("random-" + std::to_string(seed) + ".json"));
    for (int i = 2; i < argc; ++i) {
      const std::filesystem::path in = argv[i];
      samverkan::save_json(samverkan::load(in),
                           out / ("exported-" + std::to_string(i - 1) + "-" + in.stem().string() + ".json"));
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "samverkan_export_corpora: " << e.what() << '\n';
    return 1;
  }
}
