// The generic engine: rules, conditions, programmes of pots, results,
// explanations, JSON and records.
#include "fixtures.hpp"

#include <samverkan/allocate/programme.hpp>
#include <samverkan/corpus.hpp>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace samverkan;
using namespace samverkan::allocate;

namespace {

Recipient person(const std::string& id, std::int64_t population, const char* now = "60", const char* before = "60",
                 const char* within60 = "50") {
  Recipient r;
  r.id = id;
  r.name = "Region " + id;
  r.numbers["population"] = population;
  r.percents["now"] = Percent::parse(now);
  r.percents["before"] = Percent::parse(before);
  r.percents["within60"] = Percent::parse(within60);
  r.flags["reported"] = true;
  r.percents["response"] = Percent::points(99);
  r.dates["report"] = make_date(2019, 10, 1);
  return r;
}

Staircase staircase(StepMembership membership = StepMembership::cumulative, bool alternative = true) {
  Staircase s;
  s.measure = {"now", "before", "share waiting < 90 days"};
  s.steps = {{"step 1", 70, Bound::at_least(Percent::points(1))},
             {"step 2", 20, Bound::at_least(Percent::points(3))},
             {"step 3", 10, Bound::more_than(Percent::points(5))}};
  s.membership = membership;
  if (alternative)
    s.alternative = Alternative{"within60", "share waited ≤ 60 days", Bound::at_least(Percent::points(71))};
  return s;
}

Programme single(Rule rule, Money amount = Money::from_ore(21'333'333'334), Eligibility eligibility = {}) {
  Programme p;
  p.key = "test";
  p.name = "Test";
  Pot pot;
  pot.key = "pot";
  pot.name = "The pot";
  pot.amount = amount;
  pot.rule = std::move(rule);
  pot.eligibility = std::move(eligibility);
  p.pots.push_back(std::move(pot));
  return p;
}

std::int64_t got(const ProgrammeResult& r, const std::string& who) { return r.amount(who, "pot").ore(); }

void check_conservation(const ProgrammeResult& r) {
  for (const auto& p : r.pots) {
    INFO(p.id);
    CHECK((r.paid(p.id) + r.undistributed(p.id)).ore() == p.amount.ore());
    if (p.is_leaf()) {
      std::int64_t withheld = 0;
      for (const auto& s : p.shares) {
        CHECK(s.amount.ore() >= 0);
        withheld += s.withheld.ore();
      }
      CHECK(p.undistributed().ore() >= withheld);
    }
  }
}

bool mentions(const Share& s, const std::string& text) {
  for (const auto& line : s.explanation)
    if (line.find(text) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("Equal split, population share, fixed amounts and a weighted formula", "[allocate]") {
  const std::vector<Recipient> rs{person("a", 100), person("b", 300), person("c", 600)};
  SECTION("equal") {
    const auto r = single(EqualSplit{}, Money::from_ore(100)).run(rs);
    CHECK(got(r, "a") == 34);
    CHECK(got(r, "b") == 33);
    CHECK(got(r, "c") == 33);
    check_conservation(r);
  }
  SECTION("population share") {
    const auto r = single(WeightedSplit{}, Money::from_kronor(320'000'000)).run(rs);
    CHECK(got(r, "a") == 3'200'000'000);
    CHECK(got(r, "b") == 9'600'000'000);
    CHECK(got(r, "c") == 19'200'000'000);
    CHECK(r.pot("pot").shares[0].explanation[0] == "population 100 of 1 000: 32 000 000 kr");
  }
  SECTION("fixed amounts leave the rest undistributed") {
    const auto r =
        single(FixedAmounts{{{"a", Money::from_kronor(10)}, {"c", Money::from_kronor(5)}}}, Money::from_kronor(20))
            .run(rs);
    CHECK(got(r, "a") == 1000);
    CHECK(got(r, "b") == 0);
    CHECK(got(r, "c") == 500);
    CHECK(r.undistributed("pot").ore() == 500);
    check_conservation(r);
    CHECK_THROWS_AS(single(FixedAmounts{{{"a", Money::from_kronor(30)}}}, Money::from_kronor(20)).run(rs), value_error);
  }
  SECTION("weighted formula") {
    auto rs2 = rs;
    rs2[0].numbers["waiting"] = 100;
    rs2[1].numbers["waiting"] = 0;
    rs2[2].numbers["waiting"] = 0;
    // a: 100 + 10×100 = 1100; b: 300; c: 600 → 2000 in all.
    const auto r =
        single(WeightedFormula::linear({{"population", 1}, {"waiting", 10}}, {}), Money::from_ore(2000)).run(rs2);
    CHECK(got(r, "a") == 1100);
    CHECK(got(r, "b") == 300);
    CHECK(got(r, "c") == 600);
    CHECK_THROWS_AS(single(WeightedFormula::linear({{"population", -1}}, {}), Money::from_ore(10)).run(rs2),
                    value_error);
  }
}

TEST_CASE("Staircase: every roll-over case", "[allocate]") {
  const Money sept = Money::from_ore(21'333'333'334);  // steps 14 933 333 334 / 4 266 666 667 / 2 133 333 333
  auto rule = staircase();
  rule.split = MemberSplit::equal();

  SECTION("all steps reached: each step's money stays in it") {
    const auto r = single(rule, sept).run({person("a", 1, "62"), person("b", 1, "64"), person("c", 1, "66")});
    // A third of step 1 each; step 2's odd öre goes to "b" (a tie decided by the id).
    CHECK(got(r, "a") == 4'977'777'778);
    CHECK(got(r, "b") == 4'977'777'778 + 2'133'333'334);
    CHECK(got(r, "c") == 4'977'777'778 + 2'133'333'333 + 2'133'333'333);
    CHECK(r.undistributed("pot").ore() == 0);
    check_conservation(r);
  }
  SECTION("top step empty: its money goes to step 2") {
    const auto r = single(rule, sept).run({person("a", 1, "62"), person("b", 1, "64")});
    CHECK(got(r, "a") == 7'466'666'667);
    CHECK(got(r, "b") == 7'466'666'667 + 4'266'666'667 + 2'133'333'333);
    CHECK(r.undistributed("pot").ore() == 0);
    CHECK(mentions(*r.pot("pot").share_of("b"), "rolled over from step 3"));
    check_conservation(r);
  }
  SECTION("two steps empty: all to step 1") {
    const auto r = single(rule, sept).run({person("a", 1, "61,5"), person("b", 1, "62"), person("c", 1, "60")});
    CHECK(got(r, "a") == 10'666'666'667);
    CHECK(got(r, "b") == 10'666'666'667);
    CHECK(got(r, "c") == 0);
    CHECK(mentions(*r.pot("pot").share_of("a"), "rolled over from step 2 and step 3"));
    check_conservation(r);
  }
  SECTION("no one improved: nothing is paid, all undistributed with the reason") {
    const auto r = single(rule, sept).run({person("a", 1, "60,5"), person("b", 1, "58"), person("c", 1, "60")});
    CHECK(r.paid("pot").ore() == 0);
    CHECK(r.undistributed("pot") == sept);
    REQUIRE(r.pot("pot").leftovers.size() == 1);
    CHECK_THAT(r.pot("pot").leftovers[0].reason,
               Catch::Contains("no recipient reached step 1") && Catch::Contains("nothing is paid"));
    CHECK(r.pot("pot").share_of("a")->step == std::size_t{0});
  }
  SECTION("roll-over off: an unreached step's money stays undistributed") {
    rule.roll_over = RollOver::none;
    const auto r = single(rule, sept).run({person("a", 1, "62"), person("b", 1, "64")});
    CHECK(r.undistributed("pot").ore() == 2'133'333'333);
    CHECK_THAT(r.pot("pot").leftovers[0].reason, Catch::Contains("roll-over is off"));
    check_conservation(r);
  }
  SECTION("exclusive steps: an empty lowest step has nowhere to roll") {
    rule.membership = StepMembership::exclusive;
    const auto r = single(rule, sept).run({person("a", 1, "64"), person("b", 1, "66")});
    CHECK(got(r, "a") == 4'266'666'667);
    CHECK(got(r, "b") == 2'133'333'333);
    CHECK(r.undistributed("pot").ore() == 14'933'333'334);
    CHECK_THAT(r.pot("pot").leftovers[0].reason, Catch::Contains("no step below"));
    check_conservation(r);
  }
}

TEST_CASE("Staircase: the alternative qualifies for step 1, paid for one reason only", "[allocate]") {
  const Money pot = Money::from_ore(21'000);
  auto rule = staircase();
  rule.split = MemberSplit::equal();
  SECTION("a region that stood still at 71 % shares step 1; 70.99 % does not") {
    const auto r = single(rule, pot).run(
        {person("a", 1, "60", "60", "71"), person("b", 1, "62"), person("c", 1, "60", "62", "70,99")});
    CHECK(got(r, "a") == got(r, "b"));
    CHECK(got(r, "a") == 10'500);
    CHECK(got(r, "c") == 0);
    CHECK(r.pot("pot").share_of("a")->via_alternative);
    CHECK_FALSE(r.pot("pot").share_of("b")->via_alternative);
  }
  SECTION("nobody improved, but the alternative reaches the blue bar: it takes the whole pot") {
    const auto r = single(rule, pot).run({person("a", 1, "59", "60", "75"), person("b", 1, "60")});
    CHECK(got(r, "a") == 21'000);
    CHECK(r.undistributed("pot").ore() == 0);
  }
  SECTION("improving and over 71 % counts once") {
    const auto r = single(rule, pot).run({person("a", 1, "62", "60", "80"), person("b", 1, "62", "60", "50")});
    CHECK(got(r, "a") == got(r, "b"));
    CHECK_FALSE(r.pot("pot").share_of("a")->via_alternative);
    CHECK(mentions(*r.pot("pot").share_of("a"), "paid for one reason only"));
  }
  SECTION("strict reading: a region that improved at all cannot use the alternative") {
    rule.alternative->only_without_improvement = true;
    const auto r = single(rule, pot).run({person("a", 1, "60,5", "60", "80"), person("b", 1, "62")});
    CHECK(got(r, "a") == 0);
    CHECK(got(r, "b") == 21'000);
    CHECK(mentions(*r.pot("pot").share_of("a"), "strict reading"));
  }
}

TEST_CASE("Conditions: a failed recipient's share retained or redistributed", "[allocate]") {
  std::vector<Recipient> rs{person("a", 100), person("b", 300), person("c", 600)};
  rs[1].percents["response"] = Percent::parse("94,99");
  Eligibility e;
  e.conditions.push_back(
      Criterion::percent_at_least("response", "response rate", Bound::at_least(Percent::points(95))));
  e.conditions.push_back(Criterion::flag_set("reported", "reported in time"));
  e.conditions.push_back(Criterion::on_or_before("report", "status report", make_date(2019, 10, 15)));

  SECTION("retained: the others get what they would have got anyway") {
    const auto r = single(WeightedSplit{}, Money::from_ore(1000), e).run(rs);
    CHECK(got(r, "a") == 100);
    CHECK(got(r, "b") == 0);
    CHECK(got(r, "c") == 600);
    CHECK(r.undistributed("pot").ore() == 300);
    const auto* b = r.pot("pot").share_of("b");
    CHECK(b->withheld.ore() == 300);
    CHECK(b->failed_conditions == std::vector<std::string>{"response rate"});
    CHECK_THAT(r.pot("pot").undistributed_reason(), Catch::Contains("Region b") && Catch::Contains("94.99 %"));
    check_conservation(r);
  }
  SECTION("redistributed: the others share the whole pot") {
    e.failed = FailedShare::redistributed;
    const auto r = single(WeightedSplit{}, Money::from_ore(1400), e).run(rs);
    CHECK(got(r, "a") == 200);
    CHECK(got(r, "b") == 0);
    CHECK(got(r, "c") == 1200);
    CHECK(r.undistributed("pot").ore() == 0);
    CHECK(mentions(*r.pot("pot").share_of("b"), "left out"));
  }
  SECTION("each kind of condition names what failed") {
    rs[1].percents["response"] = Percent::points(95);
    rs[0].flags["reported"] = false;
    rs[2].dates["report"] = make_date(2019, 10, 16);
    const auto r = single(WeightedSplit{}, Money::from_ore(1000), e).run(rs);
    CHECK(r.pot("pot").share_of("a")->failed_conditions == std::vector<std::string>{"reported in time"});
    CHECK(r.pot("pot").share_of("b")->failed_conditions.empty());
    CHECK(mentions(*r.pot("pot").share_of("c"), "after the deadline 2019-10-15"));
    rs[2].dates.erase("report");
    const auto r2 = single(WeightedSplit{}, Money::from_ore(1000), e).run(rs);
    CHECK(mentions(*r2.pot("pot").share_of("c"), "none submitted"));
  }
  SECTION("nobody qualifies, redistributed: the whole pot stays") {
    e.failed = FailedShare::redistributed;
    for (auto& r : rs) r.flags["reported"] = false;
    const auto r = single(WeightedSplit{}, Money::from_ore(1000), e).run(rs);
    CHECK(r.undistributed("pot").ore() == 1000);
  }
}

TEST_CASE("Programmes: pots split into sub-pots exactly", "[allocate]") {
  Programme p;
  p.key = "kmd";
  p.name = "Queue billion";
  p.year = 2019;
  Pot block{.key = "block-1", .name = "Block 1", .amount = Money::from_kronor(1'280'000'000)};
  for (const char* group : {"visits", "operations"}) {
    Pot g{.key = group, .name = group};
    for (const char* month : {"2019-09", "2019-10", "2019-11"})
      g.children.push_back(Pot{.key = month, .name = std::string(group) + " " + month, .rule = Rule(EqualSplit{})});
    block.children.push_back(std::move(g));
  }
  p.pots.push_back(std::move(block));
  const auto r = p.run({person("a", 1), person("b", 1)});
  CHECK(r.pot("block-1/visits").amount == Money::from_kronor(640'000'000));
  CHECK(r.pot("block-1/visits/2019-09").amount.ore() == 21'333'333'334);
  CHECK(r.pot("block-1/operations/2019-11").amount.ore() == 21'333'333'333);
  CHECK(r.pot("block-1/operations/2019-11").parent == "block-1/operations");
  CHECK(r.amount("a", "block-1").ore() + r.amount("b", "block-1").ore() == 128'000'000'000);
  CHECK(r.total("a") == r.amount("a", "block-1"));
  CHECK(r.paid_total() == Money::from_kronor(1'280'000'000));
  CHECK(r.leaves("block-1").size() == 6);
  CHECK_THROWS_AS(r.pot("block-3"), not_found_error);
  CHECK_THROWS_AS(r.amount("x", "block-1"), not_found_error);
  check_conservation(r);
}

TEST_CASE("Programmes refuse malformed trees and inputs", "[allocate]") {
  const std::vector<Recipient> rs{person("a", 1)};
  const auto fails = [&](Programme p, const char* needle) {
    INFO(needle);
    try {
      p.run(rs);
      FAIL("no error");
    } catch (const value_error& e) {
      CHECK_THAT(e.what(), Catch::Contains(needle));
    }
  };
  fails(Programme{.name = "p"}, "no pots");
  CHECK_NOTHROW(single(EqualSplit{}).run(rs));
  Programme no_rule = single(EqualSplit{});
  no_rule.pots[0].rule.reset();
  fails(no_rule, "needs a rule");
  Programme both = single(EqualSplit{});
  both.pots[0].children.push_back(Pot{.key = "x", .rule = Rule(EqualSplit{})});
  fails(both, "cannot have a rule");
  Programme child_amount = single(EqualSplit{});
  child_amount.pots[0].rule.reset();
  child_amount.pots[0].children.push_back(Pot{.key = "x", .amount = Money::from_ore(5), .rule = Rule(EqualSplit{})});
  fails(child_amount, "only a top-level pot");
  Programme slash = single(EqualSplit{});
  slash.pots[0].key = "a/b";
  fails(slash, "'/'");
  Programme twice = single(EqualSplit{});
  twice.pots.push_back(twice.pots[0]);
  fails(twice, "two pots");
  auto bad_steps = staircase();
  std::swap(bad_steps.steps[0], bad_steps.steps[1]);
  fails(single(bad_steps), "must lie above");
  auto same_bound = staircase();
  same_bound.steps[2].bound = Bound::at_least(Percent::points(3));
  fails(single(same_bound), "must lie above");
  auto bad_alt = staircase();
  bad_alt.alternative->step = 3;
  fails(single(bad_alt), "alternative");

  CHECK_THROWS_WITH(single(EqualSplit{}).run({person("a", 1), person("a", 2)}), Catch::Contains("'a' appears twice"));
  CHECK_THROWS_AS(single(EqualSplit{}).run({Recipient{}}), value_error);
  Recipient missing = person("m", 1);
  missing.percents.erase("before");
  CHECK_THROWS_WITH(single(staircase()).run({missing}), Catch::Contains("Region m") && Catch::Contains("'before'"));
  Recipient negative = person("n", -5);
  CHECK_THROWS_WITH(single(WeightedSplit{}).run({negative}),
                    Catch::Contains("Region n") && Catch::Contains("negative"));
}

TEST_CASE("Results explain themselves as text and JSON", "[allocate]") {
  auto rule = staircase();
  rule.split = MemberSplit::by("population", "population");
  const auto r = single(rule, Money::from_ore(21'333'333'334)).run({person("a", 100, "62"), person("b", 300, "64")});
  const auto lines = r.explain("b");
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front() == "The pot: share waiting < 90 days: 64 % against 60 % before, a change of +4 points");
  CHECK_THAT(r.explanation_text("b"), Catch::Contains("Region b — Test") && Catch::Contains("step 2 (≥ 3 points)") &&
                                          Catch::Contains("split by population 300 of 400") &&
                                          Catch::Contains("total: "));

  const auto j = nlohmann::json::parse(r.to_json());
  CHECK(j["schema"] == "samverkan.allocation");
  CHECK(j["pots"].size() == 1);
  CHECK(j["pots"][0]["amount"]["ore"] == 21'333'333'334);
  CHECK(j["pots"][0]["shares"][1]["recipient"] == "b");
  CHECK(j["pots"][0]["shares"][1]["step"] == 2);
  CHECK(j["pots"][0]["shares"][1]["explanation"].is_array());
  CHECK(j["recipients"][0]["total"]["ore"].get<std::int64_t>() +
            j["recipients"][1]["total"]["ore"].get<std::int64_t>() ==
        21'333'333'334);
  CHECK(r.to_json(-1).find('\n') == std::string::npos);
}

TEST_CASE("Results become FundingPot and Allocation records that validate", "[allocate]") {
  auto s = fixtures::sample();
  Programme p;
  p.key = "koe";
  p.name = "Kömiljarden";
  p.year = 2019;
  Pot block{.key = "block-2", .name = "Block 2", .amount = Money::from_kronor(320'000'000), .block = "2"};
  block.children.push_back(Pot{.key = "a", .weight = 3, .rule = Rule(WeightedSplit{})});
  block.children.push_back(Pot{.key = "b", .weight = 1, .rule = Rule(EqualSplit{})});
  p.pots.push_back(block);
  Recipient halland = person("halland", 329'352);
  halland.name = "Region Halland";
  Recipient vgr = person("vgr", 1'709'814);
  vgr.name = "VGR";
  Recipient gotland = person("gotland", 59'249);
  gotland.name = "Region Gotland";
  const auto result = p.run({halland, vgr, gotland});

  const std::size_t before = s.corpus.size();
  const auto records = add_to_corpus(result, s.corpus, {.agreement = s.koemiljard});
  CHECK(records.pots.size() == 3);
  CHECK(records.allocations.size() == 2);
  CHECK(s.corpus.size() == before + 3 + 2 + 1);  // Region Gotland is new
  const auto& alloc = s.corpus.get(AllocationId("allocation/koe/block-2/a"));
  CHECK(alloc.pot == FundingPotId("pot/koe/block-2/a"));
  CHECK(alloc.shares[0].recipient == s.halland);
  CHECK(alloc.shares[1].recipient == s.vgr);
  CHECK(alloc.rule == "weighted_split");
  CHECK((alloc.distributed() + alloc.undistributed).ore() == 24'000'000'000);
  CHECK(s.corpus.get(FundingPotId("pot/koe/block-2/a")).parent == FundingPotId("pot/koe/block-2"));
  CHECK(s.corpus.get(FundingPotId("pot/koe/block-2")).agreement == s.koemiljard);
  for (const auto& problem : s.corpus.validate()) {
    INFO(problem.str());
    CHECK(problem.entity.kind != EntityKind::allocation);
    CHECK(problem.entity.kind != EntityKind::funding_pot);
  }
  // A second run under the same prefix clashes before anything changes.
  const std::size_t after = s.corpus.size();
  CHECK_THROWS_AS(add_to_corpus(result, s.corpus), duplicate_id_error);
  CHECK(s.corpus.size() == after);
  CHECK_NOTHROW(add_to_corpus(result, s.corpus, {.id_prefix = "koe-rerun"}));
}
