// Exact percentages and exact splitting: the arithmetic every allocation
// rule stands on.
#include <samverkan/allocate/percent.hpp>
#include <samverkan/allocate/split.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <vector>

using namespace samverkan;
using namespace samverkan::allocate;

namespace {

std::vector<std::int64_t> ore(const std::vector<Money>& amounts) {
  std::vector<std::int64_t> out;
  for (const auto& m : amounts) out.push_back(m.ore());
  return out;
}

__extension__ using u128 = unsigned __int128;

}  // namespace

TEST_CASE("Percent reads decimal text exactly, with comma or point", "[allocate]") {
  CHECK(Percent::parse("65,3").hundredths() == 6530);
  CHECK(Percent::parse("65.30").hundredths() == 6530);
  CHECK(Percent::parse(" 65,3 % ").hundredths() == 6530);
  CHECK(Percent::parse("65,3%").hundredths() == 6530);
  CHECK(Percent::parse("71").hundredths() == 7100);
  CHECK(Percent::parse("0,05").hundredths() == 5);
  CHECK(Percent::parse(".5").hundredths() == 50);
  CHECK(Percent::parse("65,300").hundredths() == 6530);
  CHECK(Percent::parse("+3,4").hundredths() == 340);
  CHECK(Percent::parse("-2").hundredths() == -200);
  CHECK(Percent::parse("\xE2\x88\x92"
                       "2,5")
            .hundredths() == -250);
  CHECK(Percent::parse("100").hundredths() == 10000);
  for (const char* bad : {"", " ", "%", "abc", "65,333", "65,3,1", "6 5", "65,", "1e2", "--1", "65 kr", "0x10"}) {
    INFO(bad);
    CHECK_THROWS_AS(Percent::parse(bad), parse_error);
  }
  try {
    Percent::parse("65,333");
    FAIL("no error");
  } catch (const parse_error& e) {
    CHECK_THAT(e.what(), Catch::Contains("65,333") && Catch::Contains("0.01"));
  }
}

TEST_CASE("Percent arithmetic, ordering and text", "[allocate]") {
  CHECK(Percent::parse("75,8") - Percent::parse("72,4") == Percent::parse("3,4"));
  CHECK(Percent::parse("1") + Percent::parse("2,5") == Percent::parse("3.5"));
  CHECK(-Percent::parse("3") == Percent::parse("-3"));
  CHECK(Percent::parse("70,99") < Percent::points(71));
  CHECK(Percent::points(71) == Percent::from_hundredths(7100));
  CHECK(Percent::parse("65,3").str() == "65.3");
  CHECK(Percent::parse("65,35").str() == "65.35");
  CHECK(Percent::points(71).str() == "71");
  CHECK(Percent::parse("-0,05").str() == "-0.05");
  CHECK(Percent().str() == "0");
  CHECK(Percent::from_hundredths(std::numeric_limits<std::int64_t>::min()).str() == "-92233720368547758.08");
  CHECK_THROWS_AS(Percent::from_hundredths(std::numeric_limits<std::int64_t>::max()) + Percent::from_hundredths(1),
                  overflow_error);
  CHECK_THROWS_AS(Percent::points(std::numeric_limits<std::int64_t>::max()), overflow_error);
}

TEST_CASE("Percent::from_double rounds to hundredths on the double's exact value", "[allocate]") {
  CHECK(Percent::from_double(65.3).hundredths() == 6530);
  CHECK(Percent::from_double(70.999).hundredths() == 7100);
  CHECK(Percent::from_double(0.125).hundredths() == 13);  // an exact binary half: away from zero
  CHECK(Percent::from_double(-0.125).hundredths() == -13);
  CHECK(Percent::from_double(65.005).hundredths() == 6500);  // 65.005 is stored as 65.00499999...
  CHECK(Percent::from_double(1.0).hundredths() == 100);
  CHECK(Percent::from_double(0.0).hundredths() == 0);
  CHECK(Percent::from_double(1e-9).hundredths() == 0);
  CHECK(Percent::from_double(1e15).hundredths() == 100'000'000'000'000'000);
  CHECK_THROWS_AS(Percent::from_double(std::nan("")), value_error);
  CHECK_THROWS_AS(Percent::from_double(HUGE_VAL), value_error);
  CHECK_THROWS_AS(Percent::from_double(1e17), value_error);
}

TEST_CASE("Bound: at least or more than", "[allocate]") {
  const auto three = Percent::points(3);
  CHECK(Bound::at_least(three).admits(three));
  CHECK_FALSE(Bound::more_than(three).admits(three));
  CHECK(Bound::more_than(three).admits(Percent::parse("3,01")));
  CHECK_FALSE(Bound::at_least(three).admits(Percent::parse("2,99")));
  CHECK(Bound::parse(">=3") == Bound::at_least(three));
  CHECK(Bound::parse("\xE2\x89\xA5 3") == Bound::at_least(three));
  CHECK(Bound::parse(" > 5,5 ") == Bound::more_than(Percent::parse("5,5")));
  CHECK(Bound::parse("1") == Bound::at_least(Percent::points(1)));
  CHECK(Bound::at_least(three).str() == "\xE2\x89\xA5 3");
  CHECK(Bound::more_than(Percent::points(5)).str() == "> 5");
  CHECK_THROWS_AS(Bound::parse("=>3"), parse_error);
  CHECK_THROWS_AS(Bound::parse(">"), parse_error);
}

TEST_CASE("640 000 000 kr over three months comes out to the öre", "[allocate]") {
  const auto months = split(Money::from_kronor(640'000'000), {{"2019-09"}, {"2019-10"}, {"2019-11"}});
  CHECK(ore(months) == std::vector<std::int64_t>{21'333'333'334, 21'333'333'333, 21'333'333'333});
  // The key decides a tie, not the order given.
  const auto shuffled = split(Money::from_kronor(640'000'000), {{"2019-11"}, {"2019-09"}, {"2019-10"}});
  CHECK(ore(shuffled) == std::vector<std::int64_t>{21'333'333'333, 21'333'333'334, 21'333'333'333});
  CHECK(months[0].str() == "213 333 333,34 kr");
}

TEST_CASE("The 70/20/10 staircase of a month's pot comes out to the öre", "[allocate]") {
  const std::vector<SplitPart> steps{{"step 1", 70}, {"step 2", 20}, {"step 3", 10}};
  // September: 21 333 333 334 öre; two remainders of .8 tie, the larger weight wins.
  CHECK(ore(split(Money::from_ore(21'333'333'334), steps)) ==
        std::vector<std::int64_t>{14'933'333'334, 4'266'666'667, 2'133'333'333});
  // October and November: 21 333 333 333 öre; the one öre left goes to the .6 remainder.
  CHECK(ore(split(Money::from_ore(21'333'333'333), steps)) ==
        std::vector<std::int64_t>{14'933'333'333, 4'266'666'667, 2'133'333'333});
  // The agreement's "ca 149 330 000 / 42 670 000 / 21 330 000 kr".
  const auto sept = split(Money::from_ore(21'333'333'334), steps);
  CHECK(sept[0].whole_units() / 10'000 == 14'933);
  CHECK((sept[1].whole_units() + 5'000) / 10'000 == 4'267);
  CHECK(sept[2].whole_units() / 10'000 == 2'133);
}

TEST_CASE("split: ties by remainder, then weight, then key", "[allocate]") {
  CHECK(ore(split_equally(Money::from_ore(10), {"c", "a", "b"})) == std::vector<std::int64_t>{3, 4, 3});
  // Every remainder is 2/6; the part with the larger weight wins the öre.
  CHECK(ore(split(Money::from_ore(2), {{"a", 1}, {"b", 4}, {"c", 1}})) == std::vector<std::int64_t>{0, 2, 0});
  // A part of weight 0 never gets a rounding öre.
  CHECK(ore(split(Money::from_ore(1), {{"a", 0}, {"b", 1}, {"c", 1}})) == std::vector<std::int64_t>{0, 1, 0});
  CHECK(ore(split(Money::from_ore(0), {{"a", 0}})) == std::vector<std::int64_t>{0});
  CHECK(ore(split(Money::from_ore(7), {{"only", 5}})) == std::vector<std::int64_t>{7});
}

TEST_CASE("split keeps currency and the approximate mark", "[allocate]") {
  const auto parts = split(Money::from_ore(100, Currency("EUR"), true), {{"a"}, {"b"}});
  CHECK(parts[0].currency() == Currency("EUR"));
  CHECK(parts[1].approximate());
}

TEST_CASE("split refuses what it cannot do exactly", "[allocate]") {
  CHECK_THROWS_AS(split(Money::from_ore(-1), {{"a"}}), value_error);
  CHECK_THROWS_AS(split(Money::from_ore(1), {}), value_error);
  CHECK_THROWS_AS(split(Money::from_ore(1), {{"a"}, {"a"}}), value_error);
  CHECK_THROWS_AS(split(Money::from_ore(1), {{"a", 0}, {"b", 0}}), value_error);
  const auto big = std::numeric_limits<std::uint64_t>::max() / 2 + 1;
  CHECK_THROWS_AS(split(Money::from_ore(1), {{"a", big}, {"b", big}}), overflow_error);
}

TEST_CASE("split is exact with 64-bit weights and amounts (128-bit products)", "[allocate]") {
  const auto max_money = Money::from_ore(std::numeric_limits<std::int64_t>::max());
  const std::uint64_t w = std::numeric_limits<std::uint64_t>::max() / 3;
  const auto parts = split(max_money, {{"a", w}, {"b", w - 1}, {"c", 1}});
  CHECK(parts[0].ore() + parts[1].ore() + parts[2].ore() == max_money.ore());
  CHECK(parts[0].ore() >= parts[1].ore());
  CHECK(parts[2].ore() <= 1);
}

TEST_CASE("split: random pots and weights add up and stay within one öre of exact", "[allocate]") {
  std::mt19937_64 rng(20190624);
  std::uniform_int_distribution<std::int64_t> amount(0, 200'000'000'000'000);
  std::uniform_int_distribution<std::size_t> count(1, 25);
  std::uniform_int_distribution<std::uint64_t> weight(0, 3'000'000);
  for (int round = 0; round < 3000; ++round) {
    const Money pot = Money::from_ore(amount(rng));
    std::vector<SplitPart> parts;
    const std::size_t n = count(rng);
    std::uint64_t total = 0;
    for (std::size_t i = 0; i < n; ++i) {
      parts.push_back({"r" + std::to_string(i), weight(rng)});
      total += parts.back().weight;
    }
    if (total == 0) parts[0].weight = total = 1;
    const auto amounts = split(pot, parts);
    std::int64_t sum = 0;
    for (std::size_t i = 0; i < n; ++i) {
      INFO("round " << round << " part " << i);
      REQUIRE(amounts[i].ore() >= 0);
      sum += amounts[i].ore();
      // |amount × W − pot × w| < W: never a whole öre away from the exact share.
      const u128 lhs = static_cast<u128>(amounts[i].ore()) * total;
      const u128 rhs = static_cast<u128>(pot.ore()) * parts[i].weight;
      REQUIRE((lhs > rhs ? lhs - rhs : rhs - lhs) < total);
      if (parts[i].weight == 0) REQUIRE(amounts[i].ore() == 0);
    }
    REQUIRE(sum == pot.ore());
  }
}
