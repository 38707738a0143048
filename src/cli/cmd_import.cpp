// `samverkan import`: reads minutes and protocols (plain text, Markdown,
// Word .docx and, when built with samverkan::pdf, PDF) into a corpus file,
// or prints what they hold as corpus JSON.
//
// main.cpp declares
//   int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// and passes the arguments after "import". Returns 0 on success, 1 when a
// document could not be read (the others are still imported), 2 for a usage,
// file or format error (nothing is written then).

#include <samverkan/core/error.hpp>
#include <samverkan/corpus.hpp>
#include <samverkan/import/document.hpp>
#include <samverkan/import/documents.hpp>
#include <samverkan/import/minutes.hpp>
#if SAMVERKAN_HAVE_PDF
#include <samverkan/import/pdf.hpp>
#endif
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// cmd_export.cpp: `import --from oparl|popolo|ocds DIR`.
int run_import_standard(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

namespace {

namespace sv = samverkan;
namespace fs = std::filesystem;

constexpr std::string_view usage =
    "usage: samverkan import PATH... [--out CORPUS] [--json] [options]\n"
    "\n"
    "Reads meeting minutes and protocols written as plain text, Markdown, Word (.docx) or PDF (PATH is\n"
    "a file, or a directory whose .txt, .md, .docx and .pdf files are read, recursively, in name order;\n"
    "the format is told by the content, not the name) and turns them into\n"
    "meetings with attendance, agenda items, decisions, action items and escalations. Names are\n"
    "resolved against the corpus: an organisation written \"VGR\" in one document and \"Västra\n"
    "Götalandsregionen\" in another becomes one organisation, a person met in many meetings one person.\n"
    "Agreements (överenskommelse, avtal, samverkansavtal) and action plans (handlingsplan,\n"
    "genomförandeplan, aktivitetsplan) are read too, alone or appended after a protocol: parties,\n"
    "signatories, validity, money and blocks, conditions, reporting deadlines, payments, amendments;\n"
    "goals, activities, indicators, funding lines and extensions.\n"
    "\n"
    "  --out CORPUS       add to CORPUS (created when absent) and save it crash-safely; the format\n"
    "                     follows the extension (.svk binary, .svkt text, .svkx XML, .json JSON)\n"
    "  --format F         the format of CORPUS: binary, text, xml or json\n"
    "  --json             print what the documents hold as corpus JSON on standard output\n"
    "  --dry-run          read and resolve, but write nothing (to check a folder, or to time it)\n"
    "  --year YYYY        year of dates written without one (\"25/11\") when a document names none\n"
    "  --keep-existing    a meeting already in CORPUS (same body, date and title) stays as it is;\n"
    "                     by default what the document adds to it (attendees, items, decisions,\n"
    "                     action items) joins it, and a warning says what\n"
    "  --quiet            no progress and no warnings on standard error; the summary only\n"
    "  --force            replace CORPUS even when it is read-only\n"
    "  --show-text        print the text read from each document, a line at a time with its line number\n"
    "                     and its place in the original (\"page 3, line 12\", \"table 1, row 4, cell 2\");\n"
    "                     provenance line numbers of .docx and PDF documents count these lines\n"
    "\n"
    "What a document holds that the importer cannot read is a warning naming the file and line (and,\n"
    "for .docx and PDF, the page and line or table cell); a fact read from a .docx or PDF keeps its\n"
    "place in the original in the extension \"source.location\". A damaged, encrypted or scanned\n"
    "document, or a file of another kind, is an error naming it, and the others are still read.\n"
    "A line the importer cannot read is a warning on standard error (\"warning: FILE:LINE: ...\");\n"
    "the rest of the document is kept, and each meeting keeps its warnings in the extension\n"
    "\"source.warnings\". Warnings do not change the exit status.\n"
    "\n"
    "Exit status: 0 imported, 1 some document could not be read (the others were imported),\n"
    "2 usage, corpus file or format error (nothing written).\n"
    "\n"
    "samverkan import --from oparl|popolo|ocds DIR reads open-standard data instead\n"
    "(see samverkan import --from oparl --help).\n";

struct UsageError {
  std::string message;
};

struct Options {
  std::vector<fs::path> paths;
  std::optional<fs::path> out;
  std::optional<sv::ArchiveFormat> format;
  bool json = false;
  bool dry_run = false;
  bool quiet = false;
  bool force = false;
  bool show_text = false;
  bool keep_existing = false;
  std::optional<int> year;
};

Options parse(const std::vector<std::string>& args) {
  Options o;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    const auto value = [&](const char* name) -> std::string {
      if (i + 1 == args.size()) throw UsageError{std::string(name) + " needs a value"};
      return args[++i];
    };
    if (a == "--out" || a == "-o") {
      o.out = value("--out");
    } else if (a.starts_with("--out=")) {
      o.out = a.substr(6);
    } else if (a == "--format" || a == "-f" || a.starts_with("--format=")) {
      const std::string v = a.starts_with("--format=") ? a.substr(9) : value("--format");
      const auto f = sv::try_from_string<sv::ArchiveFormat>(v);
      if (!f) throw UsageError{"unknown format '" + v + "'; expected binary, text, xml or json"};
      o.format = f;
    } else if (a == "--json") {
      o.json = true;
    } else if (a == "--dry-run" || a == "-n") {
      o.dry_run = true;
    } else if (a == "--force") {
      o.force = true;
    } else if (a == "--show-text") {
      o.show_text = true;
    } else if (a == "--keep-existing") {
      o.keep_existing = true;
    } else if (a == "--quiet" || a == "-q") {
      o.quiet = true;
    } else if (a == "--year" || a.starts_with("--year=")) {
      const std::string v = a.starts_with("--year=") ? a.substr(7) : value("--year");
      try {
        std::size_t used = 0;
        const int y = std::stoi(v, &used);
        if (used != v.size() || y < 1900 || y > 2200) throw std::invalid_argument(v);
        o.year = y;
      } catch (const std::exception&) {
        throw UsageError{"--year needs a year such as 2024, not '" + v + "'"};
      }
    } else if (a == "--") {
      for (++i; i < args.size(); ++i) o.paths.emplace_back(args[i]);
    } else if (a.starts_with("-") && a != "-") {
      throw UsageError{"unknown option '" + a + "'"};
    } else {
      o.paths.emplace_back(a);
    }
  }
  if (o.paths.empty()) throw UsageError{"no document given"};
  if (!o.out && !o.json && !o.dry_run && !o.show_text)
    throw UsageError{"say where the result goes: --out CORPUS, --json, or --dry-run"};
  if (o.out && !o.format) {
    o.format = sv::format_from_extension(*o.out);
    if (!o.format)
      throw UsageError{"cannot tell the format of '" + o.out->string() +
                       "' from its name; use .svk, .svkt, .svkx, .xml or .json, or give --format"};
  }
  return o;
}

// Progress on a terminal: one line rewritten in place, at most ten times a
// second. Elsewhere (a log, CI): a line every 10 % of the documents.
class Progress {
 public:
  Progress(std::ostream& err, std::size_t total, bool enabled)
      : err_(err), total_(total), enabled_(enabled && total > 1), tty_(::isatty(STDERR_FILENO) == 1) {}

  void update(std::size_t done, std::uintmax_t bytes, const fs::path& current) {
    if (!enabled_) return;
    const auto now = std::chrono::steady_clock::now();
    if (tty_) {
      if (done != total_ && now - last_ < std::chrono::milliseconds(100)) return;
      last_ = now;
      err_ << "\r\x1b[K" << line(done, bytes) << "  " << current.filename().string() << std::flush;
    } else {
      const std::size_t step = total_ >= 10 ? total_ / 10 : 1;
      if (done % step != 0 && done != total_) return;
      err_ << line(done, bytes) << '\n';
    }
  }

  void finish() {
    if (enabled_ && tty_) err_ << "\r\x1b[K" << std::flush;
  }

 private:
  std::string line(std::size_t done, std::uintmax_t bytes) const {
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    char buffer[160];
    std::snprintf(buffer, sizeof buffer, "import: %zu/%zu documents (%3.0f %%), %.1f MB, %.1f MB/s", done, total_,
                  total_ ? 100.0 * static_cast<double>(done) / static_cast<double>(total_) : 100.0,
                  static_cast<double>(bytes) / 1e6, seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0);
    return buffer;
  }

  std::ostream& err_;
  std::size_t total_;
  bool enabled_;
  bool tty_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// --show-text: what the importer reads, so that a line number of a
// provenance or warning can be found in the original.
int show_text(const std::vector<fs::path>& documents, std::ostream& out, std::ostream& err) {
  int status = 0;
  for (const auto& path : documents) {
    try {
      const std::string bytes = sv::detail::read_file(path);
      const auto document = sv::import::read_document(bytes, path.filename().string());
      std::vector<sv::import::SourceLocation> where;
      const std::string text = sv::import::to_text(document, &where);
      out << "== " << path.string() << " (" << sv::import::to_string(document.format) << ")\n";
      for (const auto& w : document.warnings) err << "warning: " << w.str() << '\n';
      std::size_t k = 0, start = 0;
      while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        ++k;
        out << k << '\t' << (k <= where.size() ? where[k - 1].str() : std::string()) << '\t'
            << std::string_view(text).substr(start, end - start) << '\n';
        start = end + 1;
      }
    } catch (const sv::error& e) {
      err << "samverkan import: " << e.what() << '\n';
      status = 1;
    }
  }
  return status;
}

}  // namespace

int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  for (const auto& a : args)
    if (a == "--from" || a.starts_with("--from=")) return run_import_standard(args, out, err);
  for (const auto& a : args)
    if (a == "--help" || a == "-h") {
      out << usage
#if SAMVERKAN_HAVE_PDF
          << "\nPDF support: yes (samverkan::pdf, through Poppler, GPL: this program is distributed under\n"
             "GPL-compatible terms; see LICENSE).\n";
#else
          << "\nPDF support: no (built without libpoppler-cpp): a PDF is reported as not read.\n";
#endif
      return 0;
    }
#if SAMVERKAN_HAVE_PDF
  sv::import::register_pdf_reader();
#endif
  Options options;
  try {
    options = parse(args);
  } catch (const UsageError& e) {
    err << "samverkan import: " << e.message << "\n" << "Try 'samverkan import --help'.\n";
    return 2;
  }

  std::vector<fs::path> documents;
  sv::Corpus target;
  try {
    documents = sv::import::collect_documents(options.paths);
    if (options.out && fs::exists(*options.out)) target = sv::load(*options.out);
  } catch (const sv::error& e) {
    err << "samverkan import: " << e.what() << '\n';
    return 2;
  }
  if (documents.empty()) {
    err << "samverkan import: no .txt, .md, .docx or .pdf documents found\n";
    return 2;
  }
  if (options.show_text) return show_text(documents, out, err);

  sv::import::ParseOptions parse_options;
  parse_options.default_year = options.year;
  parse_options.update_existing = !options.keep_existing;
  // --json shows what these documents hold on their own; --out resolves
  // them against what the corpus already knows.
  sv::Corpus extracted;
  const bool into_target = options.out || (options.dry_run && !options.json);
  std::size_t meetings = 0, attendees = 0, items = 0, decisions = 0, actions = 0, warnings = 0, unread = 0;
  std::size_t new_orgs = 0, new_people = 0, agreements = 0, plans = 0;
  std::uintmax_t bytes = 0;
  Progress progress(err, documents.size(), !options.quiet);
  for (std::size_t k = 0; k < documents.size(); ++k) {
    const auto& path = documents[k];
    try {
      std::error_code size_error;
      const auto size = fs::file_size(path, size_error);
      if (!size_error) bytes += size;
      const auto file = sv::import::parse_file_all(path, parse_options);
      const auto& parsed = file.minutes;
      const auto& held = file.documents;
      sv::import::ImportResult result;
      if (options.json) result = sv::import::add_to_corpus(extracted, parsed, held, parse_options);
      if (into_target) result = sv::import::add_to_corpus(target, parsed, held, parse_options);
      agreements += held.agreements.size();
      plans += held.plans.size();
      if (held.standalone && (!held.agreements.empty() || !held.plans.empty())) {
        if (!options.quiet) {
          progress.finish();
          for (const auto& w : result.warnings) err << "warning: " << w.str() << '\n';
        }
        warnings += result.warnings.size();
        new_orgs += result.new_organisations.size();
        new_people += result.new_people.size();
        progress.update(k + 1, bytes, path);
        continue;
      }
      ++meetings;
      attendees += parsed.attendees.size();
      items += parsed.items.size();
      for (const auto& item : parsed.items) {
        decisions += item.decisions.size();
        actions += item.assignments.size();
      }
      new_orgs += result.new_organisations.size();
      new_people += result.new_people.size();
      warnings += result.warnings.size();
      if (!options.quiet) {
        progress.finish();
        for (const auto& w : result.warnings) err << "warning: " << w.str() << '\n';
      }
    } catch (const sv::error& e) {
      ++unread;
      progress.finish();
      err << "samverkan import: " << e.what() << '\n';
    }
    progress.update(k + 1, bytes, path);
  }
  progress.finish();

  if (options.json) out << sv::to_json(extracted) << '\n';
  if (options.out && !options.dry_run) {
    try {
      sv::save(target, *options.out, options.format, sv::SaveOptions{.overwrite_read_only = options.force});
    } catch (const sv::error& e) {
      err << "samverkan import: " << e.what() << '\n';
      return 2;
    }
  }
  err << "imported " << plural(documents.size() - unread, "document", "documents") << ": "
      << plural(meetings, "meeting", "meetings")
      << ", " << plural(attendees, "attendee", "attendees") << ", " << plural(items, "agenda item", "agenda items")
      << ", " << plural(decisions, "decision", "decisions") << ", " << plural(actions, "action item", "action items")
      << "; " << plural(new_orgs, "new organisation", "new organisations") << ", "
      << plural(new_people, "new person", "new people");
  if (agreements || plans)
    err << "; " << plural(agreements, "agreement", "agreements") << ", " << plural(plans, "action plan", "action plans");
  err << "; " << plural(warnings, "warning", "warnings");
  if (unread) err << "; " << plural(unread, "document", "documents") << " not read";
  if (options.out && !options.dry_run) err << "; saved " << options.out->string() << " (" << target.size() << " records)";
  if (options.dry_run) err << " (dry run: nothing written)";
  err << '\n';
  return unread ? 1 : 0;
}
