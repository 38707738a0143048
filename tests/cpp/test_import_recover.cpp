// Table recovery on its own: runs of names, organisations and marked entries
// a converter flattened, cut back into their entries.
#include "../../src/import/recover.hpp"

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
