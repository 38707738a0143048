// The samverkan command-line program: one table of subcommands, each a
// function from its arguments to an exit status. A new subcommand is one
// function and one row in `commands`.

#include <samverkan/corpus.hpp>
#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <algorithm>
#include <array>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <new>
#include <optional>
#include <span>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

// Defined in cmd_allocate.cpp, cmd_import.cpp and cmd_export.cpp; they
// report their own errors and help.
int run_allocate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_import(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
int run_export(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

namespace {

namespace sv = samverkan;

// Exit statuses, as the usage text states them.
constexpr int exit_ok = 0;
constexpr int exit_problems = 1;
constexpr int exit_usage = 2;

// Wrong arguments: reported with a pointer to the help, exit status 2.
class usage_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

using Args = std::span<const std::string_view>;

struct Command {
  std::string_view name;
  std::string_view arguments;
  std::string_view summary;
  /// Longer help shown by "samverkan COMMAND --help".
  std::string_view details;
  int (*run)(const Command& self, Args args, std::ostream& out);
};

// ---- text layout ----

// Columns are counted in characters, not bytes, so that "Göteborg" lines up
// with "Goteborg"; continuation bytes of UTF-8 take no column.
std::size_t display_width(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

enum class Align { left, right };

// A table printed with its columns aligned; the last column is not padded,
// so lines carry no trailing spaces.
class Table {
 public:
  explicit Table(std::vector<Align> align) : align_(std::move(align)) {}

  void row(std::vector<std::string> cells) {
    cells.resize(align_.size());
    rows_.push_back(std::move(cells));
  }
  bool empty() const noexcept { return rows_.empty(); }

  void print(std::ostream& out, std::string_view indent = "  ") const {
    std::vector<std::size_t> width(align_.size(), 0);
    for (const auto& r : rows_)
      for (std::size_t i = 0; i < r.size(); ++i) width[i] = std::max(width[i], display_width(r[i]));
    for (const auto& r : rows_) {
      std::string line(indent);
      for (std::size_t i = 0; i < r.size(); ++i) {
        const std::string padding(width[i] - display_width(r[i]), ' ');
        const bool last = i + 1 == r.size();
        if (align_[i] == Align::right) line += padding + r[i];
        else line += last ? r[i] : r[i] + padding;
        if (!last) line += "  ";
      }
      while (!line.empty() && line.back() == ' ') line.pop_back();
      out << line << '\n';
    }
  }

 private:
  std::vector<Align> align_;
  std::vector<std::vector<std::string>> rows_;
};

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string period_text(const sv::Period& period) {
  return period.start || period.end ? period.str() : std::string("no period given");
}

// ---- arguments ----

bool wants_help(Args args) {
  return std::any_of(args.begin(), args.end(), [](std::string_view a) { return a == "-h" || a == "--help"; });
}

// The one FILE argument of commands that read a corpus; "-" is standard input.
std::string_view single_file(const Command& self, Args args) {
  if (args.empty()) throw usage_error(std::string(self.name) + ": missing " + std::string(self.arguments));
  if (args.size() > 1) throw usage_error(std::string(self.name) + ": too many arguments; expected one " + std::string(self.arguments));
  if (args[0].size() > 1 && args[0].front() == '-')
    throw usage_error(std::string(self.name) + ": unknown option '" + std::string(args[0]) + "'");
  return args[0];
}

// The bytes of a FILE argument, read once; "-" is standard input.
std::string read_bytes(std::string_view file) {
  if (file == "-") return sv::detail::read_standard_input();
  return sv::detail::read_file(std::filesystem::path(std::string(file)));
}

std::string source_name(std::string_view file) { return file == "-" ? std::string("<stdin>") : std::string(file); }

// Any format: JSON or an archive, told apart by the content.
sv::Corpus load(std::string_view file) { return sv::load_from_string(read_bytes(file), source_name(file)); }

// ---- info ----

std::string organisation_name(const sv::Corpus& corpus, const sv::OrganisationId& id) {
  const auto* org = corpus.find(id);
  return org ? org->name : id.str();
}

void print_counts(const sv::Corpus& corpus, std::ostream& out) {
  out << "Records\n";
  Table table({Align::left, Align::right});
  const auto count = [&](std::string_view kind, std::size_t n) { table.row({std::string(kind), std::to_string(n)}); };
  count("organisations", corpus.organisations().size());
  count("people", corpus.people().size());
  count("memberships", corpus.memberships().size());
  count("meetings", corpus.meetings().size());
  count("action items", corpus.action_items().size());
  count("agreements", corpus.agreements().size());
  count("plans", corpus.plans().size());
  count("funding pots", corpus.funding_pots().size());
  count("allocations", corpus.allocations().size());
  count("indicators", corpus.indicators().size());
  count("total", corpus.size());
  table.print(out);
}

void print_meetings(const sv::Corpus& corpus, std::ostream& out) {
  if (corpus.meetings().empty()) return;
  // By date; undated meetings last, in id order.
  std::vector<sv::MeetingId> order = corpus.meetings_in(sv::Period{});
  for (const auto& [id, meeting] : corpus.meetings())
    if (!meeting.date) order.push_back(id);
  out << "\nMeetings\n";
  Table table({Align::left, Align::left, Align::left, Align::right});
  for (const auto& id : order) {
    const auto& m = corpus.get(id);
    table.row({m.date ? sv::format_date(*m.date) : std::string("(no date)"), organisation_name(corpus, m.body),
               m.title.empty() ? std::string("–") : m.title, plural(m.items.size(), "item", "items")});
  }
  table.print(out);
}

void print_agreements(const sv::Corpus& corpus, std::ostream& out) {
  if (corpus.agreements().empty()) return;
  out << "\nAgreements\n";
  Table table({Align::left, Align::right, Align::left});
  for (const auto& [id, a] : corpus.agreements())
    table.row({a.title.empty() ? id.str() : a.title, a.total ? a.total->str() : std::string("no total"),
               period_text(a.effective_validity())});
  table.print(out);
}

void print_plans(const sv::Corpus& corpus, std::ostream& out) {
  if (corpus.plans().empty()) return;
  out << "\nPlans\n";
  Table table({Align::left, Align::left, Align::left});
  for (const auto& [id, plan] : corpus.plans()) {
    const std::size_t extensions = plan.period_extensions.size();
    table.row({plan.title.empty() ? id.str() : plan.title, period_text(plan.effective_period()),
               // std::string first: GCC 12 at -O3 warns falsely (-Wrestrict) on "(" + std::string&&.
               extensions ? std::string("(") + period_text(plan.period) + ", " + plural(extensions, "extension", "extensions") + ")"
                          : std::string()});
  }
  table.print(out);
}

std::string describe_format(const sv::ArchiveInfo& info) {
  if (info.format == sv::ArchiveFormat::json)
    return "JSON, schema " + std::string(sv::json_schema) + " version " + std::to_string(info.schema_version);
  return std::string(sv::to_string(info.format)) + " archive, " + info.type + " schema version " +
         std::to_string(info.schema_version) + ", container version " + std::to_string(info.container_version) +
         ", Boost archive version " + std::to_string(info.boost_archive_version) + ", " +
         plural(static_cast<std::size_t>(info.payload_size), "byte", "bytes") + " of payload";
}

int run_info(const Command& self, Args args, std::ostream& out) {
  const std::string_view file = single_file(self, args);
  const std::string bytes = read_bytes(file);
  const sv::ArchiveInfo info = sv::inspect(bytes, source_name(file));
  const sv::Corpus corpus = sv::load_from_string(bytes, source_name(file));
  out << file << ": " << plural(corpus.size(), "record", "records") << "\n";
  out << "Format: " << describe_format(info) << "\n\n";
  print_counts(corpus, out);
  print_meetings(corpus, out);
  print_agreements(corpus, out);
  print_plans(corpus, out);
  return exit_ok;
}

// ---- validate ----

int run_validate(const Command& self, Args args, std::ostream& out) {
  const sv::Corpus corpus = load(single_file(self, args));
  std::size_t errors = 0;
  std::size_t warnings = 0;
  for (const auto& problem : corpus.validate()) {
    out << problem.str() << '\n';
    ++(problem.severity == sv::Severity::error ? errors : warnings);
  }
  out << plural(errors, "error", "errors") << ", " << plural(warnings, "warning", "warnings") << '\n';
  return errors ? exit_problems : exit_ok;
}

// ---- convert ----

int run_convert(const Command& self, Args args, std::ostream& out) {
  std::vector<std::string_view> files;
  std::optional<sv::ArchiveFormat> format;
  bool force = false;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--force") {
      force = true;
    } else if (args[i] == "--format" || args[i] == "-f") {
      if (i + 1 == args.size()) throw usage_error(std::string(self.name) + ": --format needs a value: binary, text, xml or json");
      const auto value = sv::try_from_string<sv::ArchiveFormat>(args[++i]);
      if (!value) throw usage_error(std::string(self.name) + ": unknown format '" + std::string(args[i]) + "'; expected binary, text, xml or json");
      format = value;
    } else if (args[i].starts_with("--format=")) {
      const auto value = sv::try_from_string<sv::ArchiveFormat>(args[i].substr(9));
      if (!value) throw usage_error(std::string(self.name) + ": unknown format '" + std::string(args[i].substr(9)) + "'; expected binary, text, xml or json");
      format = value;
    } else if (args[i].size() > 1 && args[i].front() == '-') {
      throw usage_error(std::string(self.name) + ": unknown option '" + std::string(args[i]) + "'");
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.size() != 2) throw usage_error(std::string(self.name) + ": expected " + std::string(self.arguments));
  const std::filesystem::path target{std::string(files[1])};
  if (!format) format = sv::format_from_extension(target);
  if (!format)
    throw usage_error(std::string(self.name) + ": cannot tell the format of '" + std::string(files[1]) +
                      "' from its name; use .svk, .svkt, .svkx, .xml or .json, or give --format");
  const sv::Corpus corpus = load(files[0]);
  sv::save(corpus, target, format, sv::SaveOptions{.overwrite_read_only = force});
  out << files[1] << ": " << sv::to_string(*format) << ", " << plural(corpus.size(), "record", "records") << '\n';
  return exit_ok;
}

int run_allocate_command(const Command&, Args args, std::ostream& out) {
  return run_allocate(std::vector<std::string>(args.begin(), args.end()), out, std::cerr);
}

int run_import_command(const Command&, Args args, std::ostream& out) {
  return run_import(std::vector<std::string>(args.begin(), args.end()), out, std::cerr);
}

int run_export_command(const Command&, Args args, std::ostream& out) {
  return run_export(std::vector<std::string>(args.begin(), args.end()), out, std::cerr);
}

// ---- the table of subcommands ----

constexpr Command commands[] = {
    {"info", "FILE", "Show what a corpus file is and holds: format, versions, counts, meetings, agreements, plans",
     "Reads JSON and binary, text and XML archives alike. Prints the format with its schema,\n"
     "container and Boost archive versions, then the number of records of each kind, the meetings\n"
     "by date with their body and title, the agreements with their total and validity, and the\n"
     "plans with their period after extensions.\n",
     run_info},
    {"validate", "FILE", "Report every problem; exit status 1 when there are errors",
     "Prints each problem the corpus has (dangling references, amounts that do not add up, ...),\n"
     "then a summary line \"N errors, M warnings\". Exit status 0 without errors, 1 with errors.\n",
     run_validate},
    {"convert", "IN OUT [--format F] [--force]", "Convert a corpus between JSON and binary, text and XML archives",
     "Reads IN in any format and writes OUT in format F (binary, text, xml or json), or else the one\n"
     "OUT's extension names: .svk/.svkb binary, .svkt text, .svkx/.xml XML, .json JSON.\n"
     "OUT is replaced crash-safely: the previous file survives any failure. A symbolic link OUT\n"
     "is followed; a read-only OUT is refused unless --force. IN may be '-' (standard input).\n",
     run_convert},
    {"allocate", "INPUTS.csv [--json] [options]", "Split the 2019 queue-billion among the regions, to the öre",
     // Empty: the command prints its own help, with the parameters the
     // agreement's text leaves open.
     "", run_allocate_command},
    {"import", "PATH... [--out CORPUS] [--json]", "Read minutes and protocols (text, Markdown) into a corpus",
     "", run_import_command},
    {"export", "CORPUS --to oparl|popolo|ocds --out DIR", "Write the corpus as OParl, Popolo or OCDS (import --from reads them)",
     "", run_export_command},
};

const Command* find_command(std::string_view name) {
  for (const auto& command : commands)
    if (command.name == name) return &command;
  return nullptr;
}

void print_usage(std::ostream& out) {
  out << "Usage: samverkan COMMAND [ARGUMENTS]\n"
         "\n"
         "Reads and checks corpora of Swedish healthcare governance data: meetings, agreements,\n"
         "action plans, funding and indicators, saved as samverkan JSON or archives.\n"
         "\n"
         "Commands:\n";
  Table table({Align::left, Align::left});
  for (const auto& command : commands)
    table.row({std::string(command.name) + " " + std::string(command.arguments), std::string(command.summary)});
  table.print(out);
  out << "\n"
         "Options:\n"
         "  -h, --help   Show this help; \"samverkan COMMAND --help\" shows a command's help\n"
         "  --version    Show the version\n"
         "\n"
         "A FILE of \"-\" is read from standard input.\n"
         "Exit status: 0 success, 1 problems found, 2 usage, file or format error.\n";
}

// A command without details in the table documents itself on --help.
int print_command_usage(const Command& command, std::ostream& out) {
  if (command.details.empty()) {
    static constexpr std::array<std::string_view, 1> help{"--help"};
    return command.run(command, Args(help.data(), help.size()), out);
  }
  out << "Usage: samverkan " << command.name << ' ' << command.arguments << "\n\n"
      << command.summary << ".\n\n"
      << command.details;
  return exit_ok;
}

int run(Args args) {
  if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
    if (args.size() > 1 && args[0] == "help") {
      const Command* command = find_command(args[1]);
      if (!command) throw usage_error("unknown command '" + std::string(args[1]) + "'");
      return print_command_usage(*command, std::cout);
    } else {
      print_usage(std::cout);
    }
    return exit_ok;
  }
  if (args[0] == "--version") {
    std::cout << "samverkan " << sv::version() << '\n';
    return exit_ok;
  }
  const Command* command = find_command(args[0]);
  if (!command) {
    if (args[0].starts_with("-")) throw usage_error("unknown option '" + std::string(args[0]) + "'");
    throw usage_error("unknown command '" + std::string(args[0]) + "'");
  }
  const Args rest = args.subspan(1);
  // A command that documents itself sees all its arguments, so that its help
  // can depend on them (import --from oparl --help).
  if (wants_help(rest)) return command->details.empty() ? command->run(*command, rest, std::cout)
                                                        : print_command_usage(*command, std::cout);
  return command->run(*command, rest, std::cout);
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::vector<std::string_view> args(argv + (argc > 0 ? 1 : 0), argv + argc);
    const int status = run(args);
    std::cout.flush();
    return status;
  } catch (const usage_error& e) {
    std::cerr << "samverkan: " << e.what() << "\n\n";
    print_usage(std::cerr);
  } catch (const std::bad_alloc&) {
    std::cerr << "samverkan: out of memory\n";
  } catch (const std::exception& e) {
    // samverkan::error messages already name the file, line and field.
    std::cerr << "samverkan: " << e.what() << '\n';
  } catch (...) {
    std::cerr << "samverkan: unexpected error\n";
  }
  return exit_usage;
}
