#include <samverkan/core/date.hpp>
#include <samverkan/core/error.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <sstream>
#include <string>

using namespace samverkan;

namespace {

const std::string en_dash = "\xE2\x80\x93";  // U+2013

std::optional<std::string> swedish(const std::string& text, std::optional<int> context_year = std::nullopt) {
  const auto date = parse_swedish_date(text, context_year);
  if (!date) return std::nullopt;
  return format_date(*date);
}

}  // namespace

TEST_CASE("make_date builds existing dates", "[date]") {
  const Date d = make_date(2024, 10, 28);
  CHECK(static_cast<int>(d.year()) == 2024);
  CHECK(static_cast<unsigned>(d.month()) == 10);
  CHECK(static_cast<unsigned>(d.day()) == 28);
  CHECK(make_date(2024, 1, 31).ok());
  CHECK(make_date(2024, 12, 31).ok());
  CHECK(make_date(2019, 6, 30).ok());
}

TEST_CASE("make_date throws value_error for dates that do not exist", "[date]") {
  CHECK_THROWS_AS(make_date(2023, 2, 29), value_error);
  CHECK_THROWS_AS(make_date(2024, 4, 31), value_error);
  CHECK_THROWS_AS(make_date(2024, 13, 1), value_error);
  CHECK_THROWS_AS(make_date(2024, 0, 1), value_error);
  CHECK_THROWS_AS(make_date(2024, 1, 0), value_error);
  CHECK_THROWS_AS(make_date(2024, 1, 32), value_error);
  CHECK_THROWS_AS(make_date(40000, 1, 1), value_error);
  CHECK_THROWS_AS(make_date(-40000, 1, 1), value_error);
  CHECK_THROWS_WITH(make_date(2023, 2, 29), Catch::Contains("2023") && Catch::Contains("29"));
}

TEST_CASE("leap years follow the Gregorian rules", "[date]") {
  CHECK(make_date(2024, 2, 29).ok());
  CHECK(make_date(2000, 2, 29).ok());  // divisible by 400
  CHECK(make_date(2020, 2, 29).ok());
  CHECK_THROWS_AS(make_date(1900, 2, 29), value_error);  // divisible by 100 only
  CHECK_THROWS_AS(make_date(2100, 2, 29), value_error);
  CHECK_THROWS_AS(make_date(2023, 2, 29), value_error);
  CHECK(parse_date("2024-02-29") == make_date(2024, 2, 29));
  CHECK_THROWS_AS(parse_date("2023-02-29"), parse_error);
  CHECK(swedish("29 februari 2024") == "2024-02-29");
  CHECK_FALSE(swedish("29 februari 2023"));
  CHECK(Period::month(2024, 2).end == make_date(2024, 2, 29));
  CHECK(Period::month(2023, 2).end == make_date(2023, 2, 28));
  CHECK(Period::month(2000, 2).end == make_date(2000, 2, 29));
  CHECK(Period::month(1900, 2).end == make_date(1900, 2, 28));
}

TEST_CASE("parse_date reads strict ISO 8601", "[date]") {
  CHECK(parse_date("2024-10-28") == make_date(2024, 10, 28));
  CHECK(parse_date("2019-01-01") == make_date(2019, 1, 1));
  CHECK(parse_date("0999-12-31") == make_date(999, 12, 31));
  CHECK(format_date(parse_date("2019-10-09")) == "2019-10-09");
}

TEST_CASE("parse_date throws parse_error for anything else", "[date]") {
  for (const char* text : {"", "2024-1-28", "2024-10-8", "24-10-28", "2024/10/28", "2024-10-28 ", " 2024-10-28",
                           "2024-10-28T00:00", "28 oktober 2024", "2024-10-2x", "20241028", "2024-10--1",
                           "+024-10-28", "2024-13-01", "2024-00-10", "2024-04-31", "2024-10-00", "2023-02-29"}) {
    INFO(text);
    CHECK_THROWS_AS(parse_date(text), parse_error);
  }
  CHECK_THROWS_WITH(parse_date("28 oktober 2024"), Catch::Contains("'28 oktober 2024'"));
  CHECK_THROWS_WITH(parse_date("2023-02-29"), Catch::Contains("'2023-02-29'"));
}

TEST_CASE("format_date writes ISO 8601", "[date]") {
  CHECK(format_date(make_date(2024, 10, 28)) == "2024-10-28");
  CHECK(format_date(make_date(2019, 1, 5)) == "2019-01-05");
  CHECK(format_date(make_date(999, 3, 4)) == "0999-03-04");
  CHECK(format_date(make_date(2, 3, 4)) == "0002-03-04");
}

TEST_CASE("parse_swedish_date reads ISO dates", "[date][swedish]") {
  CHECK(swedish("2024-10-28") == "2024-10-28");
  CHECK(swedish("  2019-09-24  ") == "2019-09-24");
  CHECK(swedish("Datum: 2019-09-17") == "2019-09-17");
  CHECK_FALSE(swedish("2019-02-30"));
  // A case number is not a date.
  CHECK_FALSE(swedish("RS 2019-01234"));
  CHECK_FALSE(swedish("12019-01-23"));
}

TEST_CASE("parse_swedish_date reads day, month name and year", "[date][swedish]") {
  CHECK(swedish("10 mars 2022") == "2022-03-10");
  CHECK(swedish("Torsdag 10 mars 2022") == "2022-03-10");
  CHECK(swedish("torsdag den 10 mars 2022") == "2022-03-10");
  CHECK(swedish("den 15 oktober 2019") == "2019-10-15");
  CHECK(swedish("Den 1 april 2020") == "2020-04-01");
  CHECK(swedish("1 januari 2025") == "2025-01-01");
  CHECK(swedish("1 jan. 2025") == "2025-01-01");
  CHECK(swedish("1 jan 2025") == "2025-01-01");
  CHECK(swedish("24 sep 2019") == "2019-09-24");
  CHECK(swedish("24 sept. 2019") == "2019-09-24");
  CHECK(swedish("05 maj 2021") == "2021-05-05");
  CHECK(swedish("31 december 2019") == "2019-12-31");
  CHECK(swedish("10 mars 2022 kl. 09.00") == "2022-03-10");
  CHECK(swedish("Mötet hölls den 26 juni 2019 i Göteborg.") == "2019-06-26");
  CHECK(swedish("2:a maj 2022") == "2022-05-02");
  CHECK(swedish("10:e mars 2022") == "2022-03-10");
  CHECK(swedish("10 mars 2022, kl. 13") == "2022-03-10");
  // The first date of a range, even when an en dash is glued to the year.
  CHECK(swedish("10 mars 2022\xE2\x80\x93" "12 mars 2022") == "2022-03-10");
  CHECK(swedish("2019-09-17\xE2\x80\x93" "2019-09-18") == "2019-09-17");
}

TEST_CASE("parse_swedish_date knows every month, in full and abbreviated", "[date][swedish]") {
  const char* full[] = {"januari", "februari", "mars",      "april",   "maj",      "juni",
                        "juli",    "augusti",  "september", "oktober", "november", "december"};
  const char* abbreviated[] = {"jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"};
  for (unsigned m = 1; m <= 12; ++m) {
    const Date expected = make_date(2021, m, 3);
    INFO(full[m - 1]);
    CHECK(parse_swedish_date(std::string("3 ") + full[m - 1] + " 2021") == expected);
    CHECK(parse_swedish_date(std::string("3 ") + abbreviated[m - 1] + " 2021") == expected);
    CHECK(parse_swedish_date(std::string("3 ") + abbreviated[m - 1] + ". 2021") == expected);
  }
}

TEST_CASE("parse_swedish_date ignores case, including Å, Ä and Ö in weekdays", "[date][swedish]") {
  CHECK(swedish("10 MARS 2022") == "2022-03-10");
  CHECK(swedish("10 Mars 2022") == "2022-03-10");
  CHECK(swedish("TORSDAG 10 MARS 2022") == "2022-03-10");
  CHECK(swedish("Måndag 24 juni 2019") == "2019-06-24");
  CHECK(swedish("MÅNDAG 24 JUNI 2019") == "2019-06-24");
  CHECK(swedish("Lördag 1 juni 2019") == "2019-06-01");
  CHECK(swedish("SÖNDAG 2 JUNI 2019") == "2019-06-02");
  CHECK(swedish("tisdag 25 juni 2019") == "2019-06-25");
  CHECK(swedish("Onsdag 26 Juni 2019") == "2019-06-26");
  CHECK(swedish("fredag 28 juni 2019") == "2019-06-28");
  CHECK(swedish("10\xC2\xA0mars\xC2\xA0" "2022") == "2022-03-10");  // no-break spaces
  CHECK(swedish("10   mars  2022") == "2022-03-10");
}

TEST_CASE("parse_swedish_date reads numeric day-first dates", "[date][swedish]") {
  CHECK(swedish("28.10.2024") == "2024-10-28");
  CHECK(swedish("1.2.2024") == "2024-02-01");
  CHECK(swedish("28/10 2024") == "2024-10-28");
  CHECK(swedish("28/10/2024") == "2024-10-28");
  CHECK(swedish("Göteborg 28.10.2024") == "2024-10-28");
  CHECK_FALSE(swedish("32.10.2024"));
  CHECK_FALSE(swedish("28.13.2024"));
  CHECK_FALSE(swedish("29/2 2023"));
}

TEST_CASE("parse_swedish_date uses the context year when the text has none", "[date][swedish]") {
  CHECK(swedish("den 27 september", 2019) == "2019-09-27");
  CHECK(swedish("27 september", 2019) == "2019-09-27");
  CHECK(swedish("Senast 15 oktober.", 2019) == "2019-10-15");
  CHECK(swedish("25/11", 2019) == "2019-11-25");
  CHECK(swedish("till 25/11.", 2019) == "2019-11-25");
  CHECK(swedish("1 jan.", 2025) == "2025-01-01");
  // Without a context year those hold no date.
  CHECK_FALSE(swedish("den 27 september"));
  CHECK_FALSE(swedish("25/11"));
  // A year in the text wins over the context.
  CHECK(swedish("den 27 september 2018", 2019) == "2018-09-27");
  CHECK(swedish("28/10 2024", 2019) == "2024-10-28");
  CHECK(swedish("2024-10-28", 2019) == "2024-10-28");
  // Leap days depend on the context year.
  CHECK(swedish("29 februari", 2024) == "2024-02-29");
  CHECK_FALSE(swedish("29 februari", 2023));
}

TEST_CASE("parse_swedish_date returns nullopt when the text holds no date", "[date][swedish]") {
  for (const char* text : {"", "   ", "Inga datum här", "mars", "10", "2022", "10 mars", "Torsdag",
                           "den", "kl. 09.00", "4.4", "4.4 2019", "§182", "10 marsch 2022", "10 majs 2022",
                           "100 mars 2022", "10 mars 20222", "1 280 000 000 kr"}) {
    INFO(text);
    CHECK_FALSE(parse_swedish_date(text).has_value());
  }
}

TEST_CASE("parse_swedish_date does not mistake numbers for dates, even with a context year",
          "[date][swedish]") {
  // Section numbers, times and fractions of hours seen in minutes.
  for (const char* text : {"4.4", "punkt 4.5", "kl. 09.00", "09.00-12.00", "19/00", "18/20", "11/20",
                           "1/13", "0/5", "2019/2020"}) {
    INFO(text);
    CHECK_FALSE(parse_swedish_date(text, 2019).has_value());
  }
}

TEST_CASE("parse_swedish_date returns nullopt for impossible days", "[date][swedish]") {
  CHECK_FALSE(swedish("31 februari 2023"));
  CHECK_FALSE(swedish("31 februari 2024"));
  CHECK_FALSE(swedish("31 april 2024"));
  CHECK_FALSE(swedish("0 april 2024"));
  CHECK_FALSE(swedish("31 februari", 2024));
  CHECK_FALSE(swedish("31/2", 2024));
  CHECK_FALSE(swedish("2024-02-31"));
}

TEST_CASE("Period::years spans whole calendar years", "[date][period]") {
  const auto p = Period::years(2018, 2020);
  CHECK(p.start == make_date(2018, 1, 1));
  CHECK(p.end == make_date(2020, 12, 31));
  CHECK(p.str() == "2018-01-01" + en_dash + "2020-12-31");
  CHECK(Period::years(2025, 2025).str() == "2025-01-01" + en_dash + "2025-12-31");
  CHECK_FALSE(p.is_open_ended());
  CHECK(p.is_valid());
  CHECK_FALSE(Period::years(2020, 2018).is_valid());
}

TEST_CASE("Period::month spans one calendar month", "[date][period]") {
  const auto p = Period::month(2019, 9);
  CHECK(p.start == make_date(2019, 9, 1));
  CHECK(p.end == make_date(2019, 9, 30));
  CHECK(Period::month(2019, 12).end == make_date(2019, 12, 31));
  CHECK(Period::month(2019, 1).end == make_date(2019, 1, 31));
  CHECK(Period::month(2019, 4).end == make_date(2019, 4, 30));
  CHECK(p.str() == "2019-09-01" + en_dash + "2019-09-30");
  CHECK_THROWS_AS(Period::month(2019, 13), value_error);
  CHECK_THROWS_AS(Period::month(2019, 0), value_error);
}

TEST_CASE("Period::contains is inclusive at both ends", "[date][period]") {
  const Period p{make_date(2018, 1, 1), make_date(2020, 12, 31)};
  CHECK(p.contains(make_date(2019, 6, 1)));
  CHECK(p.contains(make_date(2018, 1, 1)));
  CHECK(p.contains(make_date(2020, 12, 31)));
  CHECK_FALSE(p.contains(make_date(2017, 12, 31)));
  CHECK_FALSE(p.contains(make_date(2021, 1, 1)));
}

TEST_CASE("open-ended periods", "[date][period]") {
  const auto from = Period::from(make_date(2025, 1, 1));
  CHECK(from.is_open_ended());
  CHECK(from.is_valid());
  CHECK(from.contains(make_date(2099, 1, 1)));
  CHECK(from.contains(make_date(2025, 1, 1)));
  CHECK_FALSE(from.contains(make_date(2024, 12, 31)));
  CHECK(from.str() == "2025-01-01" + en_dash);

  const Period until{std::nullopt, make_date(2020, 12, 31)};
  CHECK(until.is_open_ended());
  CHECK(until.is_valid());
  CHECK(until.contains(make_date(1900, 1, 1)));
  CHECK_FALSE(until.contains(make_date(2021, 1, 1)));
  CHECK(until.str() == en_dash + "2020-12-31");

  const Period always{};
  CHECK(always.is_open_ended());
  CHECK(always.is_valid());
  CHECK(always.contains(make_date(2019, 6, 1)));
  CHECK(always.str() == en_dash);
}

TEST_CASE("Period::is_valid rejects an end before the start", "[date][period]") {
  CHECK(Period{make_date(2020, 1, 1), make_date(2020, 1, 1)}.is_valid());
  CHECK_FALSE(Period{make_date(2020, 1, 2), make_date(2020, 1, 1)}.is_valid());
  const Period backwards{make_date(2021, 1, 1), make_date(2020, 1, 1)};
  CHECK_FALSE(backwards.contains(make_date(2020, 6, 1)));
}

TEST_CASE("Period::overlaps", "[date][period]") {
  const auto plan = Period::years(2018, 2020);
  CHECK(plan.overlaps(Period::years(2020, 2022)));        // sharing one year
  CHECK(plan.overlaps(Period::years(2019, 2019)));        // inside
  CHECK(Period::years(2019, 2019).overlaps(plan));        // and the other way
  CHECK(plan.overlaps(Period::years(2010, 2030)));        // around
  CHECK_FALSE(plan.overlaps(Period::years(2021, 2022)));  // after
  CHECK_FALSE(plan.overlaps(Period::years(2015, 2017)));  // before
  // Touching on a single day overlaps, because both ends are inclusive.
  CHECK(plan.overlaps(Period{make_date(2020, 12, 31), make_date(2021, 6, 30)}));
  CHECK_FALSE(plan.overlaps(Period{make_date(2021, 1, 1), make_date(2021, 6, 30)}));
  // Open ends reach forever.
  CHECK(plan.overlaps(Period::from(make_date(2020, 6, 1))));
  CHECK_FALSE(plan.overlaps(Period::from(make_date(2021, 1, 1))));
  CHECK(plan.overlaps(Period{std::nullopt, make_date(2018, 1, 1)}));
  CHECK_FALSE(plan.overlaps(Period{std::nullopt, make_date(2017, 12, 31)}));
  CHECK(Period{}.overlaps(plan));
  CHECK(plan.overlaps(Period{}));
  CHECK(Period::from(make_date(2030, 1, 1)).overlaps(Period{std::nullopt, make_date(2000, 1, 1)}) == false);
  CHECK(Period::from(make_date(2030, 1, 1)).overlaps(Period::from(make_date(1990, 1, 1))));
}

TEST_CASE("Period equality and printing", "[date][period]") {
  CHECK(Period::years(2018, 2020) == Period{make_date(2018, 1, 1), make_date(2020, 12, 31)});
  CHECK(Period::years(2018, 2020) != Period::years(2018, 2021));
  CHECK(Period::from(make_date(2025, 1, 1)) != Period{make_date(2025, 1, 1), make_date(2025, 1, 1)});
  std::ostringstream os;
  os << Period::years(2018, 2020);
  CHECK(os.str() == "2018-01-01" + en_dash + "2020-12-31");
}

TEST_CASE("TimeOfDay::parse reads the forms meetings use", "[date][time]") {
  CHECK(TimeOfDay::parse("09.00") == TimeOfDay{9, 0});
  CHECK(TimeOfDay::parse("9:00") == TimeOfDay{9, 0});
  CHECK(TimeOfDay::parse("9.00") == TimeOfDay{9, 0});
  CHECK(TimeOfDay::parse("15:00") == TimeOfDay{15, 0});
  CHECK(TimeOfDay::parse("08.30") == TimeOfDay{8, 30});
  CHECK(TimeOfDay::parse("00:00") == TimeOfDay{0, 0});
  CHECK(TimeOfDay::parse("23.59") == TimeOfDay{23, 59});
  CHECK(TimeOfDay::parse("24:00") == TimeOfDay{24, 0});
  CHECK(TimeOfDay::parse(" 13.15 ") == TimeOfDay{13, 15});
  CHECK(TimeOfDay::parse("16.45").minutes_since_midnight() == 16 * 60 + 45);
}

TEST_CASE("TimeOfDay::parse throws parse_error otherwise", "[date][time]") {
  for (const char* text : {"", "9", "900", "0900", "09", "09.0", "09.000", "9.5", "24:01", "25:00", "12:60",
                           "-1:00", "09,00", "09-00", "kl. 09.00", "09.00-12.00", "ab:cd", "9 00", "009:00",
                           "09:00:00"}) {
    INFO(text);
    CHECK_THROWS_AS(TimeOfDay::parse(text), parse_error);
  }
  CHECK_THROWS_WITH(TimeOfDay::parse("25:00"), Catch::Contains("'25:00'"));
}

TEST_CASE("TimeOfDay::make checks the range", "[date][time]") {
  CHECK(TimeOfDay::make(9, 0) == TimeOfDay{9, 0});
  CHECK(TimeOfDay::make(23, 59) == TimeOfDay{23, 59});
  CHECK(TimeOfDay::make(24, 0) == TimeOfDay{24, 0});
  CHECK_THROWS_AS(TimeOfDay::make(24, 1), value_error);
  CHECK_THROWS_AS(TimeOfDay::make(-1, 0), value_error);
  CHECK_THROWS_AS(TimeOfDay::make(0, -1), value_error);
  CHECK_THROWS_AS(TimeOfDay::make(12, 60), value_error);
  CHECK_THROWS_AS(TimeOfDay::make(300, 0), value_error);
}

TEST_CASE("TimeOfDay formats, orders and round-trips", "[date][time]") {
  CHECK(TimeOfDay::make(9, 0).str() == "09:00");
  CHECK(TimeOfDay::make(0, 5).str() == "00:05");
  CHECK(TimeOfDay::make(24, 0).str() == "24:00");
  CHECK(TimeOfDay::parse("9.05").str() == "09:05");
  CHECK(TimeOfDay::make(9, 0) < TimeOfDay::make(15, 0));
  CHECK(TimeOfDay::make(8, 30) < TimeOfDay::make(9, 0));
  CHECK(TimeOfDay::make(23, 59) < TimeOfDay::make(24, 0));
  for (int h = 0; h <= 23; ++h)
    for (int m = 0; m <= 59; m += 7) {
      const auto t = TimeOfDay::make(h, m);
      CHECK(TimeOfDay::parse(t.str()) == t);
    }
  std::ostringstream os;
  os << TimeOfDay::make(8, 30);
  CHECK(os.str() == "08:30");
}
