// `samverkan export CORPUS --to oparl|popolo|ocds --out DIR`, and
// `samverkan import --from oparl|popolo|ocds DIR --out CORPUS` (run_import
// hands over when it sees --from).
//
// main.cpp and cmd_import.cpp declare
//   int run_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
//   int run_import_standard(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// Both return 0 on success, 1 when the written (or read) documents break the
// standard's rules (they are still written), 2 for a usage, file or format error.

#include <samverkan/core/error.hpp>
#include <samverkan/corpus.hpp>
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>
#include <samverkan/io/standards.hpp>

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

int run_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_import_standard(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

namespace {

namespace sv = samverkan;
namespace fs = std::filesystem;

constexpr std::string_view export_usage =
    "usage: samverkan export CORPUS --to oparl|popolo|ocds --out DIR [options]\n"
    "\n"
    "Writes the corpus in an open standard, for the tools built around it:\n"
    "  oparl   OParl 1.1: system.json, bodies.json, organizations.json, people.json (with their\n"
    "          memberships), meetings.json (with their agenda items), papers.json (the decisions and\n"
    "          cases, with their consultations)\n"
    "  popolo  Popolo: popolo.json with persons, organizations, memberships, events (meetings),\n"
    "          motions and vote_events (recorded votes with counts and individual votes)\n"
    "  ocds    OCDS 1.1: release-package.json, one release per agreement with its parties (funder,\n"
    "          payer, payee), contract (period, value), payment and reporting milestones and the\n"
    "          payments made as transactions; amounts exact, öre kept in samverkan:ore\n"
    "\n"
    "What a standard has no field for is written as \"samverkan:<field>\" properties (the standards'\n"
    "extension mechanism), so `samverkan import --from` gives the same corpus back. docs/interop.md\n"
    "lists what maps where.\n"
    "\n"
    "  --base-url URL     OParl: ids are URL/<record id> (default https://example.org/samverkan)\n"
    "  --body-name NAME   OParl: the name of the Body (default samverkan)\n"
    "  --ocid-prefix P    OCDS: the registered ocid prefix, ocds-xxxxxx (default ocds-svkn00)\n"
    "  --publisher NAME   OCDS: the publisher's name\n"
    "  --date DATETIME    OCDS: release and publication date (default: now), e.g. 2025-01-31T12:00:00Z\n"
    "  --no-extensions    plain standard data only: no samverkan: properties\n"
    "\n"
    "The written documents are checked against the standard's rules; a problem is reported and\n"
    "makes the exit status 1. Exit status 2: usage, corpus or directory error.\n";

constexpr std::string_view import_usage =
    "usage: samverkan import --from oparl|popolo|ocds DIR (--out CORPUS | --json) [--format F] [--force]\n"
    "\n"
    "Reads the standard's JSON documents in DIR (every *.json file) into a corpus: an export of\n"
    "`samverkan export` comes back whole, another publisher's data as far as the corpus has places\n"
    "for it (docs/interop.md). Properties the reader does not use are kept in the records'\n"
    "extensions as \"<standard>.<property>\"; objects it has no place for are warnings. When CORPUS\n"
    "exists, the imported records are merged into it.\n"
    "\n"
    "Exit status: 0 read, 1 read but the documents break the standard's rules or the corpus has\n"
    "errors (see `samverkan validate`), 2 usage, file or format error (nothing written).\n";

struct UsageError {
  std::string message;
};

std::optional<sv::Standard> standard_named(const std::string& name) {
  return sv::try_from_string<sv::Standard>(name);
}

void print_problems(const std::vector<std::string>& problems, std::string_view what, std::ostream& err) {
  constexpr std::size_t shown = 20;
  for (std::size_t i = 0; i < problems.size() && i < shown; ++i) err << what << ": " << problems[i] << '\n';
  if (problems.size() > shown) err << "... and " << problems.size() - shown << " more\n";
}

}  // namespace

int run_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<fs::path> corpus_path, dir;
  std::optional<sv::Standard> standard;
  sv::ExportOptions options;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const auto value = [&](std::string_view name) -> std::string {
        const std::string eq = std::string(name) + "=";
        if (a.starts_with(eq)) return a.substr(eq.size());
        if (i + 1 == args.size()) throw UsageError{std::string(name) + " needs a value"};
        return args[++i];
      };
      const auto is = [&](std::string_view name) { return a == name || a.starts_with(std::string(name) + "="); };
      if (a == "--help" || a == "-h") {
        out << export_usage;
        return 0;
      } else if (is("--to")) {
        const std::string v = value("--to");
        standard = standard_named(v);
        if (!standard) throw UsageError{"unknown standard '" + v + "'; expected oparl, popolo or ocds"};
      } else if (is("--out")) {
        dir = value("--out");
      } else if (is("--base-url")) {
        options.base_url = value("--base-url");
      } else if (is("--body-name")) {
        options.body_name = value("--body-name");
      } else if (is("--ocid-prefix")) {
        options.ocid_prefix = value("--ocid-prefix");
      } else if (is("--publisher")) {
        options.publisher = value("--publisher");
      } else if (is("--date")) {
        options.date = value("--date");
      } else if (a == "--no-extensions") {
        options.extensions = false;
      } else if (a.starts_with("-") && a != "-") {
        throw UsageError{"unknown option '" + a + "'"};
      } else if (!corpus_path) {
        corpus_path = a;
      } else {
        throw UsageError{"one corpus at a time; '" + a + "' is one too many"};
      }
    }
    if (!corpus_path) throw UsageError{"no corpus given"};
    if (!standard) throw UsageError{"say which standard: --to oparl, --to popolo or --to ocds"};
    if (!dir) throw UsageError{"say where the documents go: --out DIR"};
  } catch (const UsageError& e) {
    err << "samverkan export: " << e.message << "\nTry 'samverkan export --help'.\n";
    return 2;
  }
  try {
    const sv::Corpus corpus = sv::load(*corpus_path);
    const auto files = sv::export_standard(corpus, *standard, options);
    sv::write_standard_files(files, *dir);
    const auto problems = sv::check_standard(*standard, files);
    print_problems(problems, "nonconforming", err);
    std::size_t bytes = 0;
    for (const auto& f : files) bytes += f.text.size();
    out << "wrote " << files.size() << (files.size() == 1 ? " file" : " files") << " (" << bytes << " bytes) of "
        << sv::to_string(*standard) << " to " << dir->string() << " from " << corpus.size() << " records";
    if (!options.extensions) out << " (no samverkan: extensions)";
    out << '\n';
    return problems.empty() ? 0 : 1;
  } catch (const sv::error& e) {
    err << "samverkan export: " << e.what() << '\n';
    return 2;
  }
}

int run_import_standard(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<fs::path> dir, target;
  std::optional<sv::Standard> standard;
  std::optional<sv::ArchiveFormat> format;
  bool json = false, force = false;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      const std::string& a = args[i];
      const auto value = [&](std::string_view name) -> std::string {
        const std::string eq = std::string(name) + "=";
        if (a.starts_with(eq)) return a.substr(eq.size());
        if (i + 1 == args.size()) throw UsageError{std::string(name) + " needs a value"};
        return args[++i];
      };
      const auto is = [&](std::string_view name) { return a == name || a.starts_with(std::string(name) + "="); };
      if (a == "--help" || a == "-h") {
        out << import_usage;
        return 0;
      } else if (is("--from")) {
        const std::string v = value("--from");
        standard = standard_named(v);
        if (!standard) throw UsageError{"unknown standard '" + v + "'; expected oparl, popolo or ocds"};
      } else if (is("--out") || a == "-o") {
        target = value(a == "-o" ? "-o" : "--out");
      } else if (is("--format")) {
        const std::string v = value("--format");
        format = sv::try_from_string<sv::ArchiveFormat>(v);
        if (!format) throw UsageError{"unknown format '" + v + "'; expected binary, text, xml or json"};
      } else if (a == "--json") {
        json = true;
      } else if (a == "--force") {
        force = true;
      } else if (a.starts_with("-")) {
        throw UsageError{"unknown option '" + a + "'"};
      } else if (!dir) {
        dir = a;
      } else {
        throw UsageError{"one directory at a time; '" + a + "' is one too many"};
      }
    }
    if (!standard) throw UsageError{"say which standard: --from oparl, --from popolo or --from ocds"};
    if (!dir) throw UsageError{"no directory given"};
    if (!target && !json) throw UsageError{"say where the result goes: --out CORPUS or --json"};
    if (target && !format) {
      format = sv::format_from_extension(*target);
      if (!format)
        throw UsageError{"cannot tell the format of '" + target->string() +
                         "' from its name; use .svk, .svkt, .svkx, .xml or .json, or give --format"};
    }
  } catch (const UsageError& e) {
    err << "samverkan import: " << e.message << "\nTry 'samverkan import --from oparl --help'.\n";
    return 2;
  }
  try {
    auto read = sv::import_standard_directory(*standard, *dir);
    for (const auto& w : read.warnings) err << "warning: " << w << '\n';
    std::vector<sv::StandardFile> files;
    for (const auto& entry : fs::directory_iterator(*dir))
      if (entry.path().extension() == ".json")
        files.push_back({entry.path().filename().string(), sv::detail::read_file(entry.path())});
    const auto problems = sv::check_standard(*standard, files);
    print_problems(problems, "nonconforming", err);
    sv::Corpus corpus;
    std::size_t merged = 0;
    if (target && fs::exists(*target)) {
      corpus = sv::load(*target);
      merged = corpus.merge(read.corpus).merged;
    } else {
      corpus = std::move(read.corpus);
    }
    std::size_t errors = 0;
    for (const auto& p : corpus.validate())
      if (p.severity == sv::Severity::error) ++errors;
    if (json) out << sv::to_json(corpus) << '\n';
    if (target) sv::save(corpus, *target, format, sv::SaveOptions{.overwrite_read_only = force});
    err << "imported " << sv::to_string(*standard) << " from " << dir->string() << ": " << corpus.size()
        << " records (" << corpus.organisations().size() << " organisations, " << corpus.people().size()
        << " people, " << corpus.memberships().size() << " memberships, " << corpus.meetings().size()
        << " meetings, " << corpus.agreements().size() << " agreements)";
    if (merged) err << ", " << merged << " merged with records already held";
    err << "; " << read.warnings.size() << (read.warnings.size() == 1 ? " warning" : " warnings");
    if (errors) err << "; " << errors << " validation errors (see samverkan validate)";
    if (target) err << "; saved " << target->string();
    err << '\n';
    return problems.empty() && errors == 0 ? 0 : 1;
  } catch (const sv::error& e) {
    err << "samverkan import: " << e.what() << '\n';
    return 2;
  }
}
