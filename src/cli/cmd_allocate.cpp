// `samverkan allocate`: runs the 2019 queue-billion programme on a CSV of
// region inputs and prints each region's Block 1 and Block 2 money.
//
//   samverkan allocate FILE.csv [--json] [--months] [--explain REGION]
//                      [--split population|equal] [--failed retained|redistributed]
//                      [--boundaries text|lower|upper|">=1,>=3,>5"]
//                      [--steps cumulative|exclusive] [--alternative on|off|strict]
//                      [--roll-over on|off] [--block2 conditional|unconditional]
//
// main.cpp declares
//   int run_allocate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);
// and passes the arguments after "allocate". Returns 0 on success, 1 when the
// inputs cannot be read or used, 2 for a usage error.

#include <samverkan/allocate/koemiljard2019.hpp>
#include <samverkan/core/error.hpp>
#include <samverkan/core/text.hpp>

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

int run_allocate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

namespace {

namespace k = samverkan::allocate::koemiljard2019;
using samverkan::allocate::FailedShare;
using samverkan::allocate::RollOver;
using samverkan::allocate::StepMembership;

constexpr std::string_view usage =
    "usage: samverkan allocate FILE.csv [options]\n"
    "\n"
    "Runs the 2019 queue-billion agreement (kömiljarden 2019) on the regions' inputs\n"
    "(format: data/allocation/README.md) and prints each region's money.\n"
    "\n"
    "  --json                        JSON instead of a table\n"
    "  --months                      Block 1 per group and month in the table\n"
    "  --explain REGION              also print why REGION gets what it gets\n"
    "  --split population|equal      how a step's money is shared (default population)\n"
    "  --failed retained|redistributed\n"
    "                                Block 2 share of a region failing a condition (default retained)\n"
    "  --boundaries text|lower|upper|\">=1,>=3,>5\"\n"
    "                                step bounds in points (default text: >=1, >=3, >5)\n"
    "  --steps cumulative|exclusive  whether a higher step also shares the lower (default cumulative)\n"
    "  --alternative on|off|strict   the 71 % alternative (strict: not for regions that improved at all)\n"
    "  --roll-over on|off            an unreached step's money to the step below (default on)\n"
    "  --block2 conditional|unconditional\n"
    "                                whether the reporting conditions decide Block 2 (default conditional)\n";

struct UsageError {
  std::string message;
};

std::string choice(const std::string& option, const std::string& value,
                   std::initializer_list<std::string_view> allowed) {
  const std::string v = samverkan::fold(value);
  for (const auto a : allowed)
    if (v == a) return v;
  std::string list;
  for (const auto a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
  throw UsageError{option + ": '" + value + "' is not one of " + list};
}

}  // namespace

int run_allocate(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  std::optional<std::string> path;
  bool json = false;
  bool per_month = false;
  std::vector<std::string> explain;
  k::Parameters params;
  try {
    for (std::size_t i = 0; i < args.size(); ++i) {
      std::string arg = args[i];
      std::optional<std::string> inline_value;
      if (arg.rfind("--", 0) == 0) {
        if (const auto eq = arg.find('='); eq != std::string::npos) {
          inline_value = arg.substr(eq + 1);
          arg = arg.substr(0, eq);
        }
      }
      const auto value = [&]() -> std::string {
        if (inline_value) return *inline_value;
        if (i + 1 >= args.size()) throw UsageError{arg + " needs a value"};
        return args[++i];
      };
      if (arg == "-h" || arg == "--help") {
        out << usage;
        return 0;
      } else if (arg == "--json") {
        json = true;
      } else if (arg == "--months") {
        per_month = true;
      } else if (arg == "--explain") {
        explain.push_back(value());
      } else if (arg == "--split") {
        params.step_split =
            choice(arg, value(), {"population", "equal"}) == "equal" ? k::StepSplit::equal : k::StepSplit::population;
      } else if (arg == "--failed") {
        params.block2_failed = choice(arg, value(), {"retained", "redistributed"}) == "retained"
                                   ? FailedShare::retained
                                   : FailedShare::redistributed;
      } else if (arg == "--boundaries") {
        const std::string spec = value();
        try {
          params.step_bounds = k::Parameters::boundaries(spec);
        } catch (const samverkan::parse_error& e) {
          throw UsageError{arg + ": " + e.what()};
        }
      } else if (arg == "--steps") {
        params.membership = choice(arg, value(), {"cumulative", "exclusive"}) == "cumulative"
                                ? StepMembership::cumulative
                                : StepMembership::exclusive;
      } else if (arg == "--alternative") {
        const std::string v = choice(arg, value(), {"on", "off", "strict"});
        params.alternative = v != "off";
        params.alternative_only_without_improvement = v == "strict";
      } else if (arg == "--roll-over") {
        params.roll_over = choice(arg, value(), {"on", "off"}) == "on" ? RollOver::to_step_below : RollOver::none;
      } else if (arg == "--block2") {
        params.block2_conditional = choice(arg, value(), {"conditional", "unconditional"}) == "conditional";
      } else if (arg.size() > 1 && arg[0] == '-') {
        throw UsageError{"unknown option " + arg};
      } else if (path) {
        throw UsageError{"more than one input file (" + *path + ", " + arg + ")"};
      } else {
        path = arg;
      }
    }
    if (!path) throw UsageError{"no input file"};
  } catch (const UsageError& e) {
    err << "samverkan allocate: " << e.message << "\n\n" << usage;
    return 2;
  }

  try {
    const auto inputs = k::read_csv(*path);
    if (inputs.size() != k::regions().size())
      err << "samverkan allocate: note: " << inputs.size() << " of the " << k::regions().size() << " regions are in "
          << *path << "; population shares are among these\n";
    const auto result = k::run(inputs, params);
    if (json) {
      out << result.to_json() << '\n';
    } else {
      out << result.table(per_month);
    }
    for (const auto& name : explain) {
      const auto* region = k::find_region(name);
      if (!region) throw samverkan::value_error("--explain: unknown region '" + name + "'");
      if (!result.allocation.find_pot("block-2")->share_of(region->id))
        throw samverkan::value_error("--explain: " + std::string(region->short_name) + " is not among the inputs");
      (json ? err : out) << '\n' << result.allocation.explanation_text(region->id);
    }
  } catch (const samverkan::error& e) {
    err << "samverkan allocate: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
