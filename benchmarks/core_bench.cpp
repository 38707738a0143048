// The C++ side of benchmarks/core.py: the library without Python, on the
// workload the Python side saved.
//
//   samverkan_core_bench ARCHIVE.svk FIRST-DAY LAST-DAY
//
// Prints one JSON object: seconds per step, bytes per format, the memory the
// loaded corpus holds and the process's peak RSS. A measurement, not a test.
#include <samverkan/corpus.hpp>
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/query.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace sv = samverkan;

namespace {

long rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  long size = 0, resident = 0;
  statm >> size >> resident;
  return resident * sysconf(_SC_PAGESIZE);
}

long peak_rss_bytes() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss * 1024L;
}

struct Clock {
  std::vector<std::pair<std::string, double>> seconds;
  template <class F>
  auto time(const std::string& name, F&& f) {
    const auto start = std::chrono::steady_clock::now();
    auto result = f();
    seconds.emplace_back(name, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return result;
  }
};

// A copy of every record added one by one: what building a corpus costs.
sv::Corpus rebuild(const sv::Corpus& from) {
  sv::Corpus to;
  for (const auto& [id, r] : from.organisations()) to.add(r);
  for (const auto& [id, r] : from.people()) to.add(r);
  for (const auto& [id, r] : from.meetings()) to.add(r);
  return to;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: samverkan_core_bench ARCHIVE.svk FIRST-DAY LAST-DAY\n";
    return 2;
  }
  try {
    const std::filesystem::path archive = argv[1];
    const sv::Period period{sv::parse_date(argv[2]), sv::parse_date(argv[3])};
    Clock clock;
    const long before = rss_bytes();
    sv::Corpus corpus = clock.time("load_binary_file", [&] { return sv::load(archive); });
    const long held = rss_bytes() - before;

    std::map<std::string, std::size_t> bytes;
    const std::pair<const char*, sv::ArchiveFormat> formats[] = {{"binary", sv::ArchiveFormat::binary},
                                                                 {"text", sv::ArchiveFormat::text},
                                                                 {"xml", sv::ArchiveFormat::xml},
                                                                 {"json", sv::ArchiveFormat::json}};
    for (const auto& [name, format] : formats) {
      const std::string text =
          clock.time(std::string("save_") + name + "_memory", [&] { return sv::save_to_string(corpus, format); });
      bytes[std::string(name) + "_memory"] = text.size();
      const sv::Corpus back =
          clock.time(std::string("load_") + name + "_memory", [&] { return sv::load_from_string(text); });
      if (!(back == corpus)) throw std::runtime_error(std::string("the ") + name + " round trip changed the corpus");
    }
    const std::filesystem::path dir = archive.parent_path();
    for (const auto& [name, format] : formats) {
      if (format == sv::ArchiveFormat::binary) continue;  // loaded above; saved by the Python side
      const auto path = dir / (std::string("cpp.") + name);
      clock.time(std::string("save_") + name + "_file", [&] {
        sv::save(corpus, path, format);
        return 0;
      });
      bytes[std::string(name) + "_file"] = std::filesystem::file_size(path);
      clock.time(std::string("load_") + name + "_file", [&] { return sv::load(path); });
    }
    {
      const auto path = dir / "cpp.svk";
      clock.time("save_binary_file", [&] {
        sv::save(corpus, path, sv::ArchiveFormat::binary);
        return 0;
      });
      bytes["binary_file"] = std::filesystem::file_size(path);
    }
    clock.time("build", [&] { return rebuild(corpus); });
    // Through the date index where the library has one (decisions_in, found
    // by argument-dependent lookup so that older versions still build).
    const auto per_kind = clock.time("grouped_query", [&] {
      return [&period](const auto& c) {
        if constexpr (requires { decisions_in(c, period); })
          return sv::group_count(decisions_in(c, period), &sv::DecisionRow::kind);
        else
          return sv::group_count(sv::decisions(c) | ranges::views::filter(sv::in_period(period)),
                                 &sv::DecisionRow::kind);
      }(corpus);
    });
    clock.time("attendance_per_organisation", [&] { return sv::attendance_per_organisation(corpus, period); });
    clock.time("meetings_in", [&] { return corpus.meetings_in(period); });

    std::size_t decisions_in_period = 0;
    for (const auto& [kind, n] : per_kind) decisions_in_period += n;
    std::ostringstream out;
    out << "{\"seconds\": {";
    for (std::size_t i = 0; i < clock.seconds.size(); ++i)
      out << (i ? ", " : "") << '"' << clock.seconds[i].first << "\": " << clock.seconds[i].second;
    out << "}, \"bytes\": {";
    bool first = true;
    for (const auto& [name, n] : bytes) {
      out << (first ? "" : ", ") << '"' << name << "\": " << n;
      first = false;
    }
    out << "}, \"decisions_in_period\": " << decisions_in_period << ", \"held_bytes\": " << held
        << ", \"peak_rss_bytes\": " << peak_rss_bytes() << "}\n";
    std::cout << out.str();
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "samverkan_core_bench: " << e.what() << '\n';
    return 1;
  }
}
