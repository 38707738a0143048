// Table recovery on its own: runs of names, organisations and marked entries
// a converter flattened, cut back into their entries.
#include "../../src/import/recover.hpp"

#include <samverkan/import/minutes.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace d = samverkan::import::detail;
using strings = std::vector<std::string>;

TEST_CASE("recover: entries delimited by item and party marks", "[import][recover]") {
  CHECK(d::split_at_marks("Eva Holm (5) Omar Said (5) Lars Ek (7)") == strings{"Eva Holm (5)", "Omar Said (5)", "Lars Ek (7)"});
  CHECK(d::split_at_marks("Anna Berg (S) Per Lind (M)") == strings{"Anna Berg (S)", "Per Lind (M)"});
  CHECK(d::split_at_marks("Kim Ek (3, 4) Bo Ny (p. 6)") == strings{"Kim Ek (3, 4)", "Bo Ny (p. 6)"});
  // A parenthesis that is no mark, or a single entry, cuts nothing.
  CHECK(d::split_at_marks("Anna Berg (ordförande) Per Lind").empty());
  CHECK(d::split_at_marks("Anna Berg (5)").empty());
}

TEST_CASE("recover: a run of organisations cut by their forms", "[import][recover]") {
  CHECK(d::split_organisations("Region Uppsala Region Uppsala Uppsala kommun Enköpings kommun Akademiska sjukhuset, "
                               "Region Uppsala Region Uppsala") ==
        strings{"Region Uppsala", "Region Uppsala", "Uppsala kommun", "Enköpings kommun",
                "Akademiska sjukhuset, Region Uppsala", "Region Uppsala"});
  CHECK(d::split_organisations("Region Jönköpings län Nordic Care Partners Göteborgs Stad Atea AB") ==
        strings{"Region Jönköpings län", "Nordic Care Partners", "Göteborgs Stad", "Atea AB"});
  CHECK(d::split_organisations("Region Västra Götaland Borås Stad") == strings{"Region Västra Götaland", "Borås Stad"});
  // Prose is no run of organisations.
  CHECK(d::split_organisations("kommunerna vill vara med").empty());
}

TEST_CASE("recover: names run together, cut into as many as the organisations", "[import][recover]") {
  CHECK(d::split_names("Annika Berglund, ordförande Petter Lindh Sara Ekholm Jan-Olof Nyström Maria Sjöholm, vice "
                       "ordförande Kerstin Wahlund",
                       6) == strings{"Annika Berglund, ordförande", "Petter Lindh", "Sara Ekholm", "Jan-Olof Nyström",
                                     "Maria Sjöholm, vice ordförande", "Kerstin Wahlund"});
  // Three-word names: the given names of the lexicon say where a person starts.
  CHECK(d::split_names("Anna Lena Berg Per Lind Karin Ek Holm", 3) ==
        strings{"Anna Lena Berg", "Per Lind", "Karin Ek Holm"});
  CHECK(d::split_names("Per Lind Sara Ek", 3).empty());
  CHECK(d::is_given_name("Jan-Olof"));
  CHECK_FALSE(d::is_given_name("Berglund"));
}

namespace {
samverkan::import::ParsedMinutes parse(std::string_view text) {
  return samverkan::import::parse_minutes(text, "test.txt", samverkan::import::ParseOptions{});
}
const samverkan::import::ParsedAttendee* attendee(const samverkan::import::ParsedMinutes& m, std::string_view name) {
  for (const auto& a : m.attendees)
    if (a.name == name) return &a;
  return nullptr;
}
}  // namespace

TEST_CASE("attendance: a flattened members table and a marked run", "[import][recover]") {
  const auto m = parse(
      "Minnesanteckningar\n\nDatum: 2024-03-14\n\nNärvarande\n\nNamn Organisation\n"
      "Anna Berg, ordförande Per Lind Sara Ek Karin Holm, sekreterare\n"
      "Region Uppsala Uppsala kommun Tierps kommun Akademiska sjukhuset, Region Uppsala\n\n"
      "Adjungerade: Eva Holm (2) Omar Said (2) Lars Ek (3)\n\n1. Inledning\nText.\n\n2. Budget\nText.\n\n3. Övrigt\nText.\n");
  REQUIRE(m.attendees.size() == 7);
  REQUIRE(attendee(m, "Karin Holm"));
  CHECK(attendee(m, "Karin Holm")->organisation == "Akademiska sjukhuset, Region Uppsala");
  CHECK(attendee(m, "Sara Ek")->organisation == "Tierps kommun");
  REQUIRE(attendee(m, "Omar Said"));
  CHECK(attendee(m, "Omar Said")->coopted_for_items == std::vector<std::string>{"2"});
  CHECK(attendee(m, "Lars Ek")->coopted_for_items == std::vector<std::string>{"3"});
}

TEST_CASE("attendance: prose and organisation-first lines", "[import][recover]") {
  const auto m = parse(
      "Minnesanteckningar\n\nDatum: 2024-03-14\n\nNärvarande\n"
      "Från Region Norrbotten deltog Anders Nilsson (ordförande) och Mattias Berg. Kommunerna\n"
      "representerades av Jens Lindbäck, Luleå kommun. Adjungerade var under punkt 2 Maria\n"
      "Kuoppa, Region Norrbotten. Peter Stenlund, Piteå kommun, hade anmält förhinder.\n\n"
      "Deltagare\nUmeå kommun – Helena Sjödin, socialchef\n\n1. Inledning\nText.\n\n2. Budget\nText.\n");
  REQUIRE(attendee(m, "Mattias Berg"));
  CHECK(attendee(m, "Mattias Berg")->organisation == "Region Norrbotten");
  CHECK(attendee(m, "Jens Lindbäck")->organisation == "Luleå kommun");
  REQUIRE(attendee(m, "Maria Kuoppa"));
  CHECK(attendee(m, "Maria Kuoppa")->coopted_for_items == std::vector<std::string>{"2"});
  REQUIRE(attendee(m, "Peter Stenlund"));
  CHECK(attendee(m, "Peter Stenlund")->status == samverkan::AttendanceStatus::excused);
  REQUIRE(attendee(m, "Helena Sjödin"));
  CHECK(attendee(m, "Helena Sjödin")->organisation == "Umeå kommun");
  CHECK(attendee(m, "Helena Sjödin")->title == "socialchef");
}

TEST_CASE("a name run with party marks and an authority in the organisation run", "[import][recover]") {
  CHECK(d::split_organisations("Haninge kommun Försäkringskassan Region Stockholm") ==
        strings{"Haninge kommun", "Försäkringskassan", "Region Stockholm"});
  CHECK(d::split_names("Maria Sten | Jelena Kovač Rolf Axén |", 3) == strings{"Maria Sten", "Jelena Kovač", "Rolf Axén"});
  CHECK(d::split_names_marked("Maria Sten (S) Jelena Kovač Rolf Axén (V)", 3) ==
        strings{"Maria Sten (S)", "Jelena Kovač", "Rolf Axén (V)"});
  CHECK(d::split_names_marked("Maria Sten Jelena Kovač", 2).empty());  // no mark: split_names' work
}
