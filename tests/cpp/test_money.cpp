#include <samverkan/core/error.hpp>
#include <samverkan/core/money.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

using namespace samverkan;

namespace {

constexpr std::int64_t int64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t int64_min = std::numeric_limits<std::int64_t>::min();

const std::string nbsp = "\xC2\xA0";        // U+00A0 NO-BREAK SPACE
const std::string thin = "\xE2\x80\x89";    // U+2009 THIN SPACE
const std::string narrow = "\xE2\x80\xAF";  // U+202F NARROW NO-BREAK SPACE
const std::string minus = "\xE2\x88\x92";   // U+2212 MINUS SIGN

std::int64_t ore(const std::string& text) { return Money::parse(text).ore(); }

}  // namespace

TEST_CASE("Currency accepts three capital letters and defaults to SEK", "[money]") {
  CHECK(Currency().code() == "SEK");
  CHECK(Currency::sek().code() == "SEK");
  CHECK(Currency("EUR").code() == "EUR");
  CHECK(Currency("SEK") == Currency::sek());
  CHECK(Currency("EUR") != Currency("USD"));
  CHECK(Currency("EUR") < Currency("USD"));
  for (const char* bad : {"", "EU", "EURO", "eur", "Eur", "E1R", "SE ", "ÅÄÖ", "€"}) {
    INFO(bad);
    CHECK_THROWS_AS(Currency(bad), value_error);
  }
}

TEST_CASE("from_ore and from_kronor build exact amounts", "[money]") {
  const auto m = Money::from_ore(12345);
  CHECK(m.ore() == 12345);
  CHECK(m.whole_units() == 123);
  CHECK(m.currency() == Currency::sek());
  CHECK_FALSE(m.approximate());
  CHECK(Money::from_ore(-12345).whole_units() == -123);  // truncated toward zero
  CHECK(Money().ore() == 0);
  CHECK(Money::from_kronor(640'000'000).ore() == 64'000'000'000);
  CHECK(Money::from_kronor(-5).ore() == -500);
  CHECK(Money::from_kronor(7, Currency("EUR")).currency().code() == "EUR");
  CHECK(Money::from_kronor(int64_max / 100).ore() == int64_max / 100 * 100);
  CHECK(Money::from_kronor(int64_min / 100).ore() == int64_min / 100 * 100);
  CHECK_THROWS_AS(Money::from_kronor(int64_max / 100 + 1), overflow_error);
  CHECK_THROWS_AS(Money::from_kronor(int64_min / 100 - 1), overflow_error);
  CHECK_THROWS_AS(Money::from_kronor(int64_max), overflow_error);
}

TEST_CASE("approximate is part of equality but not of ordering", "[money]") {
  const auto exact = Money::from_kronor(25'000'000);
  const auto approx = exact.with_approximate(true);
  CHECK(approx.approximate());
  CHECK_FALSE(approx.with_approximate(false).approximate());
  CHECK(exact != approx);
  CHECK_FALSE(exact < approx);
  CHECK_FALSE(approx < exact);
  CHECK(exact <= approx);
  CHECK(exact >= approx);
  CHECK(Money::from_ore(1) == Money::from_ore(1));
  CHECK(Money::from_ore(1, Currency("EUR")) != Money::from_ore(1));
}

TEST_CASE("parse reads whole kronor with space-grouped thousands", "[money][parse]") {
  CHECK(ore("1 280 000 000 kr") == 128'000'000'000);
  CHECK(ore("1 280 000 000 kronor") == 128'000'000'000);
  CHECK(ore("640 000 000 kronor") == 64'000'000'000);
  CHECK(ore("320 000 kronor") == 32'000'000);
  CHECK(ore("12 000 SEK") == 1'200'000);
  CHECK(ore("12000 kr") == 1'200'000);
  CHECK(ore("0 kr") == 0);
  CHECK(ore("1 krona") == 100);
  CHECK(ore("500:-") == 50'000);
  CHECK(ore("500 :-") == 50'000);
  CHECK(ore("500,-") == 50'000);
  CHECK(ore("500kr") == 50'000);
  CHECK(ore("  42 kr  ") == 4'200);
  const auto m = Money::parse("1 280 000 000 kr");
  CHECK(m.currency() == Currency::sek());
  CHECK_FALSE(m.approximate());
}

TEST_CASE("parse accepts no-break, thin and narrow spaces as separators", "[money][parse]") {
  CHECK(ore("1" + nbsp + "280" + nbsp + "000" + nbsp + "000" + nbsp + "kr") == 128'000'000'000);
  CHECK(ore("1" + thin + "280" + thin + "000 kr") == 128'000'000);
  CHECK(ore("1" + narrow + "280" + narrow + "000" + narrow + "kr") == 128'000'000);
  CHECK(ore(nbsp + "25" + nbsp + "000 kr" + nbsp) == 2'500'000);
  CHECK(ore("1 280" + nbsp + "000" + thin + "000 kr") == 128'000'000'000);  // mixed
}

TEST_CASE("parse reads dots as thousands separators before three digits", "[money][parse]") {
  CHECK(ore("1.280.000 kr") == 128'000'000);
  CHECK(ore("1.280 kr") == 128'000);
  CHECK(ore("12.000 EUR") == 1'200'000);
  CHECK(ore("1.234.567,89 kr") == 123'456'789);
  // ... and as a decimal point otherwise.
  CHECK(ore("1.5 mnkr") == 150'000'000);
  CHECK(ore("1.50 kr") == 150);
  CHECK(ore("1 234.50 kr") == 123'450);
  CHECK(ore("0.500 kr") == 50);  // a leading zero is never grouped
}

TEST_CASE("parse reads öre after a decimal comma", "[money][parse]") {
  CHECK(ore("1 234,50 kr") == 123'450);
  CHECK(ore("1 234,05 kr") == 123'405);
  CHECK(ore("0,50 kr") == 50);
  CHECK(ore("0,5 kr") == 50);
  CHECK(ore("12,00 kr") == 1'200);
  CHECK(ore("12,000000 kr") == 1'200);  // trailing zeros add no precision
  CHECK(ore("99,99 SEK") == 9'999);
  CHECK(ore("10,10 kronor") == 1'010);
}

TEST_CASE("parse applies tkr, mnkr and mdkr exactly", "[money][parse]") {
  CHECK(ore("25 mnkr") == 2'500'000'000);
  CHECK(ore("3,5 mnkr") == 350'000'000);
  CHECK(ore("3,5 miljoner kronor") == 350'000'000);
  CHECK(ore("150 tkr") == 15'000'000);
  CHECK(ore("150 tkr.") == 15'000'000);
  CHECK(ore("150 tusen kronor") == 15'000'000);
  CHECK(ore("150 TSEK") == 15'000'000);
  CHECK(ore("150 kSEK") == 15'000'000);
  CHECK(ore("2 mdkr") == 200'000'000'000);
  CHECK(ore("2 mdr kr") == 200'000'000'000);
  CHECK(ore("2 miljarder kronor") == 200'000'000'000);
  CHECK(ore("1 miljard kronor") == 100'000'000'000);
  CHECK(ore("2 miljarder kr") == 200'000'000'000);
  CHECK(ore("1,61 mdkr") == 161'000'000'000);
  CHECK(ore("25 mkr") == 2'500'000'000);
  CHECK(ore("25 Mkr.") == 2'500'000'000);
  CHECK(ore("25 milj. kr") == 2'500'000'000);
  CHECK(ore("25 milj kr") == 2'500'000'000);
  CHECK(ore("1 miljon kronor") == 100'000'000);
  CHECK(ore("25 miljoner kr") == 2'500'000'000);
  CHECK(ore("25 MSEK") == 2'500'000'000);
  CHECK(ore("25 MNKR") == 2'500'000'000);
  CHECK(ore("1,23456 mnkr") == 123'456'000);
  CHECK(ore("1,234567 mnkr") == 123'456'700);
  CHECK(ore("0,01 tkr") == 1'000);
  CHECK(ore("1,00000001 mdkr") == 100'000'001'000);
  CHECK(ore("1,000000001 mdkr") == 100'000'000'100);
  CHECK(ore("25mnkr") == 2'500'000'000);
}

TEST_CASE("parse reads öre as a unit", "[money][parse]") {
  CHECK(ore("50 öre") == 50);
  CHECK(ore("50 ÖRE") == 50);
  CHECK(ore("1 000 öre") == 1'000);
  CHECK_THROWS_AS(Money::parse("0,5 öre"), parse_error);
}

TEST_CASE("parse reads other currencies by their ISO code", "[money][parse]") {
  const auto eur = Money::parse("12 000 EUR");
  CHECK(eur.ore() == 1'200'000);
  CHECK(eur.currency() == Currency("EUR"));
  CHECK(Money::parse("9,95 USD").currency().code() == "USD");
  CHECK(Money::parse("9,95 USD").ore() == 995);
  CHECK(Money::parse("12 000 SEK").currency() == Currency::sek());
  CHECK(Money::parse("12 sek").currency() == Currency::sek());
  const auto millions = Money::parse("3 miljoner EUR");
  CHECK(millions.ore() == 300'000'000);
  CHECK(millions.currency().code() == "EUR");
  // Lower-case three-letter words are prose, not currency codes.
  CHECK_THROWS_AS(Money::parse("12 eur"), parse_error);
}

TEST_CASE("parse marks approximate amounts", "[money][parse]") {
  const auto m = Money::parse("ca 25 000 000 kr");
  CHECK(m.approximate());
  CHECK(m.ore() == 2'500'000'000);
  CHECK(Money::parse("ca 25 mnkr").approximate());
  CHECK(Money::parse("ca 25 mnkr").ore() == 2'500'000'000);
  for (const char* text : {"ca. 213 330 000 kronor", "ca.213 330 000 kronor", "Ca 213 330 000 kronor",
                           "CA 213 330 000 kronor", "cirka 213 330 000 kronor", "circa 213 330 000 kronor",
                           "omkring 213 330 000 kronor", "ungefär 213 330 000 kronor",
                           "UNGEFÄR 213 330 000 kronor", "drygt 213 330 000 kronor",
                           "knappt 213 330 000 kronor", "runt 213 330 000 kronor", "Cirka  213 330 000 kronor"}) {
    INFO(text);
    const auto a = Money::parse(text);
    CHECK(a.approximate());
    CHECK(a.ore() == 21'333'000'000);
  }
  CHECK_FALSE(Money::parse("213 330 000 kronor").approximate());
  // The word must stand apart from what follows.
  CHECK_THROWS_AS(Money::parse("ca25 kr"), parse_error);
  CHECK_THROWS_AS(Money::parse("carl 25 kr"), parse_error);
  CHECK_THROWS_AS(Money::parse("ca kr"), parse_error);
}

TEST_CASE("parse reads negative amounts", "[money][parse]") {
  CHECK(ore("-300 kr") == -30'000);
  CHECK(ore(minus + "300 kr") == -30'000);
  CHECK(ore("-1 234,50 kr") == -123'450);
  CHECK(ore("-3,5 mnkr") == -350'000'000);
  CHECK(ore("-0 kr") == 0);
  CHECK(Money::parse("ca -5 tkr").approximate());
  CHECK(ore("ca -5 tkr") == -500'000);
  CHECK_THROWS_AS(Money::parse("- 300 kr"), parse_error);  // a bullet, not a sign
  CHECK_THROWS_AS(Money::parse("--300 kr"), parse_error);
}

TEST_CASE("parse rejects text without a currency unit", "[money][parse][error]") {
  CHECK_THROWS_AS(Money::parse("1 280 000"), parse_error);
  CHECK_THROWS_WITH(Money::parse("1 280 000"), Catch::Contains("'1 280 000'") && Catch::Contains("unit"));
  CHECK_THROWS_WITH(Money::parse("42"), Catch::Contains("missing"));
  CHECK_THROWS_AS(Money::parse("3,5"), parse_error);
}

TEST_CASE("parse rejects what is not an amount", "[money][parse][error]") {
  for (const char* text : {"", "   ", "kr", "tolv kronor", "ca", "-", "-kr", ",50 kr", "abc 12 kr", "12 kr extra",
                           "12 kronor,", "12 kr 13 kr", "12 krr", "12 mnkronor", "12 xkr",
                           "1 280 000 000 kronorna", "12 € ", "1 61000 000 000 kronor", "1000 000 kr",
                           "12 345 6 kr", "25, kr", "12:- kr", "0 500 kr"}) {
    INFO(text);
    CHECK_THROWS_AS(Money::parse(text), parse_error);
  }
  CHECK_THROWS_WITH(Money::parse("tolv kronor"), Catch::Contains("'tolv kronor'"));
  CHECK_THROWS_WITH(Money::parse("12 kr extra"), Catch::Contains("'12 kr extra'"));
  CHECK_THROWS_WITH(Money::parse("1000 000 kr"), Catch::Contains("'1000 000 kr'"));
}

TEST_CASE("parse rejects amounts more precise than one öre", "[money][parse][error]") {
  for (const char* text : {"1,234 kr", "0,001 kr", "1.2345 kr", "1,234567891 mnkr", "1,000000000001 mdkr",
                           "1,5 öre", "0,001 EUR", "0,0000000000001 mdkr"}) {
    INFO(text);
    CHECK_THROWS_AS(Money::parse(text), parse_error);
    CHECK_THROWS_WITH(Money::parse(text), Catch::Contains(text) && Catch::Contains("öre"));
  }
  // Exactly one öre is fine at every scale.
  CHECK(ore("0,01 kr") == 1);
  CHECK(ore("0,00001 tkr") == 1);
  CHECK(ore("0,00000001 mnkr") == 1);
  CHECK(ore("0,00000000001 mdkr") == 1);
}

TEST_CASE("parse throws overflow_error beyond the range of öre", "[money][parse][error]") {
  CHECK(ore("92 233 720 368 547 758,07 kr") == int64_max);
  CHECK(ore("-92 233 720 368 547 758,08 kr") == int64_min);
  CHECK(ore("92233720368547758,07 kr") == int64_max);
  CHECK(ore("9 223 372 036 854 775 807 öre") == int64_max);
  CHECK(ore("-9 223 372 036 854 775 808 öre") == int64_min);
  CHECK(ore("00000000000000000000000000012 kr") == 1'200);  // leading zeros do not overflow
  for (const char* text : {"92 233 720 368 547 758,08 kr", "-92 233 720 368 547 758,09 kr",
                           "9 223 372 036 854 775 808 öre", "100 000 000 mdkr", "92 233 720 369 mnkr",
                           "99999999999999999999999999 kr", "184467440737095517 kr"}) {
    INFO(text);
    CHECK_THROWS_AS(Money::parse(text), overflow_error);
  }
  CHECK_THROWS_WITH(Money::parse("100 000 000 mdkr"), Catch::Contains("'100 000 000 mdkr'"));
  // Every samverkan exception is a samverkan::error.
  CHECK_THROWS_AS(Money::parse("100 000 000 mdkr"), error);
}

TEST_CASE("str groups thousands and writes öre only when present", "[money][format]") {
  CHECK(Money::from_ore(128'000'000'000).str() == "1 280 000 000 kr");
  CHECK(Money::from_ore(123'450).str() == "1 234,50 kr");
  CHECK(Money::from_ore(123'405).str() == "1 234,05 kr");
  CHECK(Money::from_ore(0).str() == "0 kr");
  CHECK(Money::from_ore(1).str() == "0,01 kr");
  CHECK(Money::from_ore(-50).str() == "-0,50 kr");
  CHECK(Money::from_ore(-30'000).str() == "-300 kr");
  CHECK(Money::from_ore(99'900).str() == "999 kr");
  CHECK(Money::from_ore(100'000).str() == "1 000 kr");
  CHECK(Money::from_ore(10'000'000).str() == "100 000 kr");
  CHECK(Money::from_kronor(1'000, Currency("EUR")).str() == "1 000 EUR");
  CHECK(Money::from_ore(2'500'000'000, Currency::sek(), true).str() == "ca 25 000 000 kr");
  CHECK(Money::from_ore(-2'500, Currency::sek(), true).str() == "ca -25 kr");
  CHECK(Money::from_ore(int64_max).str() == "92 233 720 368 547 758,07 kr");
  CHECK(Money::from_ore(int64_min).str() == "-92 233 720 368 547 758,08 kr");
  std::ostringstream os;
  os << Money::parse("25 mnkr");
  CHECK(os.str() == "25 000 000 kr");
}

TEST_CASE("decimal writes a plain number for machines", "[money][format]") {
  CHECK(Money::from_ore(128'000'000'000).decimal() == "1280000000.00");
  CHECK(Money::from_ore(-50).decimal() == "-0.50");
  CHECK(Money::from_ore(0).decimal() == "0.00");
  CHECK(Money::from_ore(5).decimal() == "0.05");
  CHECK(Money::from_ore(123'450).decimal() == "1234.50");
  CHECK(Money::from_ore(-123'405, Currency("EUR"), true).decimal() == "-1234.05");
  CHECK(Money::from_ore(int64_max).decimal() == "92233720368547758.07");
  CHECK(Money::from_ore(int64_min).decimal() == "-92233720368547758.08");
}

TEST_CASE("parse(str(x)) == x", "[money][format][parse]") {
  std::vector<std::int64_t> values = {0,
                                      1,
                                      -1,
                                      5,
                                      10,
                                      99,
                                      100,
                                      101,
                                      -100,
                                      12'345,
                                      123'450,
                                      99'999,
                                      100'000,
                                      999'999'999,
                                      1'000'000'000,
                                      128'000'000'000,
                                      -128'000'000'000,
                                      21'333'000'000,
                                      int64_max,
                                      int64_min,
                                      int64_max - 1,
                                      int64_min + 1,
                                      int64_max / 100 * 100,
                                      int64_min / 100 * 100};
  // Every magnitude from 1 öre to 10^18 öre, with and without öre.
  for (int exponent = 0; exponent <= 18; ++exponent) {
    std::int64_t p = 1;
    for (int k = 0; k < exponent; ++k) p *= 10;
    values.push_back(p);
    values.push_back(-p);
    values.push_back(p + 7);
    values.push_back(-(p * 9 + 3));
  }
  for (const auto v : values) {
    for (const bool approximate : {false, true}) {
      for (const auto& currency : {Currency::sek(), Currency("EUR")}) {
        const auto m = Money::from_ore(v, currency, approximate);
        INFO(m.str());
        CHECK(Money::parse(m.str()) == m);
      }
    }
  }
}

TEST_CASE("negation is exact and checked", "[money][arithmetic]") {
  CHECK((-Money::from_ore(500)).ore() == -500);
  CHECK((-Money::from_ore(-500)).ore() == 500);
  CHECK((-Money::from_ore(int64_max)).ore() == -int64_max);
  CHECK((-Money::from_ore(5, Currency("EUR"), true)) == Money::from_ore(-5, Currency("EUR"), true));
  CHECK_THROWS_AS(-Money::from_ore(int64_min), overflow_error);
}

TEST_CASE("addition and subtraction are exact and checked", "[money][arithmetic]") {
  const auto a = Money::parse("1 280 000 000 kr");
  const auto b = Money::parse("320 000 000 kr");
  CHECK((a + b).ore() == 160'000'000'000);
  CHECK((a - b).ore() == 96'000'000'000);
  CHECK((b - a).ore() == -96'000'000'000);
  auto total = Money::parse("640 000 000 kronor");
  total += Money::parse("640 000 000 kronor");
  CHECK(total == a);
  total -= a;
  CHECK(total.ore() == 0);
  CHECK((Money::from_ore(1) + Money::from_ore(int64_max - 1)).ore() == int64_max);
  CHECK((Money::from_ore(-1) + Money::from_ore(int64_min + 1)).ore() == int64_min);
  CHECK_THROWS_AS(Money::from_ore(int64_max) + Money::from_ore(1), overflow_error);
  CHECK_THROWS_AS(Money::from_ore(int64_min) + Money::from_ore(-1), overflow_error);
  CHECK_THROWS_AS(Money::from_ore(int64_min) - Money::from_ore(1), overflow_error);
  CHECK_THROWS_AS(Money::from_ore(0) - Money::from_ore(int64_min), overflow_error);
  CHECK_THROWS_AS(Money::from_ore(int64_max) - Money::from_ore(-1), overflow_error);
}

TEST_CASE("a failed operation leaves the amount unchanged", "[money][arithmetic]") {
  auto m = Money::from_ore(int64_max);
  CHECK_THROWS_AS(m += Money::from_ore(1), overflow_error);
  CHECK(m.ore() == int64_max);
  CHECK_THROWS_AS(m *= 2, overflow_error);
  CHECK(m.ore() == int64_max);
  CHECK_THROWS_AS(m -= Money::from_ore(1, Currency("EUR")), currency_mismatch_error);
  CHECK(m.ore() == int64_max);
}

TEST_CASE("arithmetic on an approximate amount is approximate", "[money][arithmetic]") {
  const auto exact = Money::parse("100 kr");
  const auto approx = Money::parse("ca 25 kr");
  CHECK((exact + approx).approximate());
  CHECK((approx + exact).approximate());
  CHECK((exact - approx).approximate());
  CHECK((approx * 3).approximate());
  CHECK((-approx).approximate());
  CHECK_FALSE((exact + exact).approximate());
  CHECK_FALSE((exact * 2).approximate());
  CHECK((exact + approx).ore() == 12'500);
  CHECK((exact + approx) == Money::parse("ca 125 kr"));
}

TEST_CASE("multiplication is exact and checked", "[money][arithmetic]") {
  const auto m = Money::parse("213 330 000 kr");
  CHECK((m * 3).ore() == 63'999'000'000);
  CHECK((3 * m).ore() == 63'999'000'000);
  CHECK((m * 0).ore() == 0);
  CHECK((m * -1).ore() == -21'333'000'000);
  auto n = Money::from_ore(7, Currency("EUR"));
  n *= 6;
  CHECK(n == Money::from_ore(42, Currency("EUR")));
  CHECK((Money::from_ore(int64_min) * 1).ore() == int64_min);
  CHECK_THROWS_AS(Money::from_ore(int64_max / 2 + 1) * 2, overflow_error);
  CHECK_THROWS_AS(Money::from_ore(int64_min) * -1, overflow_error);
  CHECK_THROWS_AS(Money::from_ore(-2) * int64_min, overflow_error);
  CHECK_THROWS_AS(Money::parse("100 mdkr") * 1'000'000'000, overflow_error);
}

TEST_CASE("combining currencies throws currency_mismatch_error naming both", "[money][arithmetic]") {
  const auto sek = Money::parse("100 kr");
  const auto eur = Money::parse("100 EUR");
  CHECK_THROWS_AS(sek + eur, currency_mismatch_error);
  CHECK_THROWS_AS(sek - eur, currency_mismatch_error);
  CHECK_THROWS_AS(eur + sek, currency_mismatch_error);
  CHECK_THROWS_WITH(sek + eur, Catch::Contains("SEK") && Catch::Contains("EUR"));
  CHECK_THROWS_WITH(eur - sek, Catch::Contains("SEK") && Catch::Contains("EUR"));
  CHECK_THROWS_AS(sek + eur, value_error);
  // Multiplying by a number involves no second currency.
  CHECK((eur * 2).currency().code() == "EUR");
}

TEST_CASE("ordering compares amounts within one currency", "[money][compare]") {
  const auto small = Money::parse("320 000 000 kr");
  const auto large = Money::parse("1 280 000 000 kr");
  CHECK(small < large);
  CHECK(large > small);
  CHECK(small <= large);
  CHECK(large >= small);
  CHECK(small <= small);
  CHECK(small >= small);
  CHECK_FALSE(small < small);
  CHECK_FALSE(large < small);
  CHECK(Money::from_ore(int64_min) < Money::from_ore(int64_max));
  CHECK(Money::from_ore(-1) < Money::from_ore(0));
}

TEST_CASE("ordering across currencies throws", "[money][compare]") {
  const auto sek = Money::parse("100 kr");
  const auto eur = Money::parse("100 EUR");
  CHECK_THROWS_AS(sek < eur, currency_mismatch_error);
  CHECK_THROWS_AS(sek > eur, currency_mismatch_error);
  CHECK_THROWS_AS(sek <= eur, currency_mismatch_error);
  CHECK_THROWS_AS(sek >= eur, currency_mismatch_error);
  CHECK_THROWS_WITH(sek < eur, Catch::Contains("SEK") && Catch::Contains("EUR"));
  // Equality never throws: different currencies are simply different amounts.
  CHECK_FALSE(sek == eur);
  CHECK(sek != eur);
}
