// Writes the seed corpus under fuzz/seeds/<format>/ (committed; rerun by hand
// only to add seeds): small corpora as whole files and as bare payloads.
//
//   g++ -std=c++20 -Iinclude fuzz/make_seeds.cpp build/release/libsamverkan.a -lboost_serialization
//   ./a.out fuzz/seeds

#include "../tests/cpp/archive_support.hpp"

#include <samverkan/io/archive.hpp>

#include <filesystem>
#include <fstream>
#include <string>

int main(int argc, char** argv) {
  const std::filesystem::path root = argc > 1 ? argv[1] : "fuzz/seeds";
  const samverkan::Corpus corpora[] = {samverkan::Corpus{}, archive_support::small_corpus(),
                                       archive_support::random_corpus(1, 1)};
  const std::pair<samverkan::ArchiveFormat, const char*> formats[] = {{samverkan::ArchiveFormat::binary, "binary"},
                                                                      {samverkan::ArchiveFormat::text, "text"},
                                                                      {samverkan::ArchiveFormat::xml, "xml"},
                                                                      {samverkan::ArchiveFormat::json, "json"}};
  for (const auto& [format, name] : formats) {
    std::filesystem::create_directories(root / name);
    int n = 0;
    for (const auto& corpus : corpora) {
      const std::string file = samverkan::save_to_string(corpus, format);
      std::ofstream(root / name / ("file-" + std::to_string(n)), std::ios::binary) << file;
      if (format != samverkan::ArchiveFormat::json) {
        const std::string payload = file.substr(36 + 6);  // after the envelope of a "Corpus"
        std::ofstream(root / name / ("payload-" + std::to_string(n)), std::ios::binary) << payload;
      }
      ++n;
    }
  }
}
