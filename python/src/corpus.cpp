// samverkan.Corpus: records of every kind by id, loading and saving, names,
// validation, merge, and the tables for analysis.
#include "bindings.hpp"

#include <samverkan/io/archive.hpp>
#include <samverkan/io/json.hpp>

#include <filesystem>

namespace samverkan_py {

namespace {

// None: from the file name; a str: any name of an ArchiveFormat ("binary",
// "svk", "json" ...); or an ArchiveFormat.
std::optional<ArchiveFormat> archive_format(const py::object& format) {
  if (format.is_none()) return std::nullopt;
  if (py::isinstance<py::str>(format)) return from_string<ArchiveFormat>(format.cast<std::string>());
  return format.cast<ArchiveFormat>();
}

template <corpus_record T>
void bind_kind(py::class_<Corpus>& cls, const std::string& singular, const std::string& plural, const char* type_name) {
  using IdT = typename T::id_type;
  const std::string type(type_name);
  cls.def(
      "add", [](Corpus& self, T record) { return writing(self, [&] { return self.add(std::move(record)); }); },
      py::arg("record"),
      ("Adds a " + type + " and returns its id (a str). An empty id is replaced by a readable one;\n"
       "raises DuplicateIdError when the id is taken.")
          .c_str());
  cls.def(
      "update", [](Corpus& self, T record) { writing(self, [&] { self.update(std::move(record)); }); },
      py::arg("record"),
      ("Replaces the " + type + " with the same id; raises NotFoundError when there is none.").c_str());
  cls.def(
      ("get_" + singular).c_str(),
      [](const Corpus& self, const IdT& id) { return reading(self, [&] { return self.get(id); }); },
      py::arg("id"),
      ("A copy of the " + type + " with this id; raises NotFoundError when there is none.").c_str());
  cls.def(
      ("find_" + singular).c_str(),
      [](const Corpus& self, const IdT& id) {
        return reading(self, [&]() -> std::optional<T> {
          if (const auto* found = self.find(id)) return *found;
          return std::nullopt;
        });
      },
      py::arg("id"), ("A copy of the " + type + " with this id, or None.").c_str());
  cls.def(
      ("remove_" + singular).c_str(),
      [](Corpus& self, const IdT& id) { return writing(self, [&] { return self.remove(id); }); },
      py::arg("id"),
      ("Removes the " + type + "; False when there was none. References to it stay for validate() to report.")
          .c_str());
  cls.def(
      plural.c_str(),
      [](const Corpus& self) {
        return reading(self, [&] {
          std::vector<T> records;
          records.reserve(self.all<T>().size());
          for (const auto& entry : self.all<T>()) records.push_back(entry.second);
          return records;
        });
      },
      ("Copies of every " + type + ", in id order.").c_str());
}

template <class T>
std::optional<T> copy_of(const T* found) {
  if (found) return *found;
  return std::nullopt;
}

// A const member function of Corpus as a method that reads under the lock.
// The arguments are taken by value: a bound object (an EntityRef, a Period)
// passed by reference could be changed by another thread while the call
// runs without the GIL.
template <class R, class... A>
auto read_method(R (Corpus::*method)(A...) const) {
  return [method](const Corpus& self, std::decay_t<A>... args) {
    return reading(self, [&]() -> R { return (self.*method)(args...); });
  };
}
template <class R, class... A>
auto read_method(R (Corpus::*method)(A...) const noexcept) {
  return [method](const Corpus& self, std::decay_t<A>... args) {
    return reading(self, [&]() -> R { return (self.*method)(args...); });
  };
}

}  // namespace

void bind_corpus(py::module_& m) {
  bind_vocabulary<Severity>(m, "Severity", "How bad a problem is.");
  bind_vocabulary<ArchiveFormat>(m, "ArchiveFormat", "The formats a corpus can be saved in.");

  py::class_<Problem> problem(m, "Problem", "One thing wrong with a corpus: entity, field and message.");
  bind_fields(problem, "Problem", {"severity", "entity", "field", "message"},
              field{"severity", &Problem::severity, "a Severity"},
              field{"entity", &Problem::entity, "EntityRef of the entity at fault"},
              field{"field", &Problem::field, "path of the field, e.g. \"attendance[2].person\""},
              field{"message", &Problem::message, "what is wrong"});
  problem.def("__str__", &Problem::str, "\"error: meeting meeting/1: attendance[2].person: ...\"");

  py::class_<MergeReport> report(m, "MergeReport", "What Corpus.merge did.");
  bind_fields(report, "MergeReport", {"added", "merged"},
              field{"added", &MergeReport::added, "records added"},
              field{"merged", &MergeReport::merged, "records recognised as records already held"},
              field{"renamed", &MergeReport::renamed, "(other's EntityRef, EntityRef here) where the id changed"},
              field{"conflicts", &MergeReport::conflicts, "fields where the two disagreed; ours was kept"});

  bind_frames(m);
  py::class_<Corpus> corpus(m, "Corpus",
                            "Owns records of every kind by id, indexes them, resolves names, merges and\n"
                            "validates. Records handed out are copies: change one and give it back with\n"
                            "update(). Long calls (load, save, to_json, validate, merge, pickling, the\n"
                            "frames) release the GIL. A corpus may be shared between threads: each call\n"
                            "locks it for its C++ part, shared for reading, alone for changing (add,\n"
                            "update, remove_*, resolve_or_add_*, merge, importing into it), so a call waits\n"
                            "for those that conflict with it and never sees the corpus half changed.");
  corpus.def(py::init<>(), "An empty corpus.");

  bind_kind<Organisation>(corpus, "organisation", "organisations", "Organisation");
  bind_kind<Person>(corpus, "person", "people", "Person");
  bind_kind<Membership>(corpus, "membership", "memberships", "Membership");
  bind_kind<Meeting>(corpus, "meeting", "meetings", "Meeting");
  bind_kind<ActionItem>(corpus, "action_item", "action_items", "ActionItem");
  bind_kind<Agreement>(corpus, "agreement", "agreements", "Agreement");
  bind_kind<ActionPlan>(corpus, "plan", "plans", "ActionPlan");
  bind_kind<FundingPot>(corpus, "funding_pot", "funding_pots", "FundingPot");
  bind_kind<Allocation>(corpus, "allocation", "allocations", "Allocation");
  bind_kind<Indicator>(corpus, "indicator", "indicators", "Indicator");

  corpus
      .def_static(
          "load", [](const std::string& path) { return load(std::filesystem::path(path)); }, py::arg("path"),
          py::call_guard<py::gil_scoped_release>(),
          "Reads a corpus file in any format samverkan writes; the format is read from the content.\n"
          "Raises FileError when the file cannot be read (CorruptFileError when damaged,\n"
          "SchemaVersionError when written by a newer samverkan), ParseError for bad JSON.")
      .def(
          "save",
          [](const Corpus& self, const std::string& path, const py::object& format, bool force) {
            const auto chosen = archive_format(format);
            const SaveOptions options{.overwrite_read_only = force};
            reading_released(self, [&] { save(self, std::filesystem::path(path), chosen, options); });
          },
          py::arg("path"), py::arg("format") = py::none(), py::kw_only(), py::arg("force") = false,
          "Writes the corpus, replacing the file crash-safely (the old file survives a failure).\n\n"
          "A symbolic link is followed; a read-only file is refused unless ``force``; permissions\n"
          "are kept less set-user-id and set-group-id (docs/reliability.md).\n\n"
          "Args:\n    path: the file.\n"
          "    format: an ArchiveFormat or its name (\"binary\", \"text\", \"xml\", \"json\"), or None\n"
          "        for the one the file name implies (.svk binary, .svkt text, .svkx/.xml, .json).\n"
          "    force: replace the file even when it is read-only.")
      .def(
          "to_json",
          [](const Corpus& self, int indent) { return reading_released(self, [&] { return to_json(self, indent); }); },
          py::arg("indent") = 2, "The corpus as JSON text (schema samverkan.corpus).")
      .def_static(
          "from_json", [](std::string_view text, std::string_view source) { return from_json(text, source); },
          py::arg("text"), py::arg("source") = "", py::call_guard<py::gil_scoped_release>(),
          "Reads JSON text written by to_json; source names it in error messages.")
      .def("__len__", read_method(&Corpus::size), "Number of top-level records of every kind together.")
      .def(
          "counts",
          [](const Corpus& self) {
            return reading(self, [&] {
              return std::map<std::string, std::size_t>{
                  {"organisations", self.organisations().size()}, {"people", self.people().size()},
                  {"memberships", self.memberships().size()},     {"meetings", self.meetings().size()},
                  {"action_items", self.action_items().size()},   {"agreements", self.agreements().size()},
                  {"plans", self.plans().size()},                 {"funding_pots", self.funding_pots().size()},
                  {"allocations", self.allocations().size()},     {"indicators", self.indicators().size()}};
            });
          },
          "Number of records of each kind, by kind.")
      .def("contains", read_method(&Corpus::contains), py::arg("ref"),
           "Whether an entity of any kind, nested too, has this id.")
      .def("__contains__", read_method(&Corpus::contains), py::arg("ref"), "`EntityRef(...) in corpus`.")
      .def(
          "find_decision",
          [](const Corpus& self, const DecisionId& id) {
            return reading(self, [&] { return copy_of(self.find_decision(id)); });
          },
          py::arg("id"), "A copy of the decision (inside a meeting) with this id, or None.")
      .def(
          "find_goal",
          [](const Corpus& self, const GoalId& id) { return reading(self, [&] { return copy_of(self.find_goal(id)); }); },
          py::arg("id"), "A copy of the goal (inside a plan) with this id, or None.")
      .def(
          "find_activity",
          [](const Corpus& self, const ActivityId& id) {
            return reading(self, [&] { return copy_of(self.find_activity(id)); });
          },
          py::arg("id"), "A copy of the activity (inside a plan) with this id, or None.")
      .def(
          "find_funding_line",
          [](const Corpus& self, const FundingLineId& id) {
            return reading(self, [&] { return copy_of(self.find_funding_line(id)); });
          },
          py::arg("id"), "A copy of the funding line (inside a plan) with this id, or None.")
      .def("holder_of", read_method(&Corpus::holder_of), py::arg("nested"),
           "The top-level record holding a nested one (the meeting of a decision), or None.")
      .def("meetings_in", read_method(&Corpus::meetings_in), py::arg("period"),
           "Ids of the meetings whose date lies in the period, by date then id.")
      .def("meetings_of", read_method(&Corpus::meetings_of), py::arg("body"), "Ids of the meetings held by a body, by date.")
      .def("referring_to", read_method(&Corpus::referring_to), py::arg("target"),
           "EntityRefs of every top-level record that refers to the target, in id order.")
      .def("resolve_organisation", read_method(&Corpus::resolve_organisation), py::arg("name"),
           "Id of the organisation whose name or alias matches, ignoring case and spacing;\n"
           "None when none or several match.")
      .def("resolve_person", read_method(&Corpus::resolve_person), py::arg("name"), "Ids of every person with this name.")
      .def(
          "resolve_or_add_organisation",
          [](Corpus& self, std::string_view name, OrganisationKind kind) {
            return writing(self, [&] { return self.resolve_or_add_organisation(name, kind); });
          },
          py::arg("name"),
           py::arg("kind") = OrganisationKind::other, "Resolves the name, or adds an organisation of that name and kind.")
      .def(
          "resolve_or_add_person",
          [](Corpus& self, std::string_view name, const std::optional<OrganisationId>& organisation) {
            return writing(self, [&] { return self.resolve_or_add_person(name, organisation); });
          },
          py::arg("name"),
           py::arg("organisation") = py::none(),
           "Resolves the name (preferring a person listed with organisation), or adds the person.")
      .def(
          "merge",
          [](Corpus& self, const Corpus& other) {
            return with_corpora_released({{&self, access::write}, {&other, access::read}},
                                         [&] { return self.merge(other); });
          },
          py::arg("other"),
           "Takes in every record of other, recognising records already held; returns a MergeReport.\n"
           "If it raises, this corpus is left unchanged.")
      .def(
          "validate", [](const Corpus& self) { return reading_released(self, [&] { return self.validate(); }); },
           "Every Problem found, errors and warnings; an empty list means consistent.")
      .def(
          "__repr__",
          [](const Corpus& self) {
            return reading(self, [&] {
              return "Corpus(organisations=" + std::to_string(self.organisations().size()) +
                     ", people=" + std::to_string(self.people().size()) +
                     ", meetings=" + std::to_string(self.meetings().size()) +
                     ", agreements=" + std::to_string(self.agreements().size()) +
                     ", plans=" + std::to_string(self.plans().size()) + ", records=" + std::to_string(self.size()) +
                     ")";
            });
          },
          "Counts of the main kinds.")
      // Through the library's binary archive, so a corpus travels to worker
      // processes in the same checked envelope as a saved file.
      .def(py::pickle(
          [](const Corpus& self) {
            const std::string bytes = reading_released(self, [&] { return to_bytes(self); });
            return py::make_tuple(py::bytes(bytes));
          },
          [](const py::tuple& state) {
            if (state.size() != 1) throw value_error("pickled corpus state of the wrong size");
            const std::string bytes = state[0].cast<std::string>();
            py::gil_scoped_release release;
            return from_bytes<Corpus>(bytes);
          }))
      .def(
          "to_frames", &make_frames,
          "Every table by name, as a Frames mapping of pandas DataFrames (see frame()); each\n"
          "table is built when first asked for, so frames[\"decisions\"] builds that one only.")
      .def("frame", &make_frame, py::arg("table"),
           "One table as a pandas DataFrame. table: one of samverkan.FRAME_NAMES.");
  for (const std::string& name : frame_names())
    corpus.def(
        (name + "_frame").c_str(), [name](const Corpus& self) { return make_frame(self, name); },
        ("The " + name + " table as a pandas DataFrame; the same as frame(\"" + name + "\").").c_str());
  corpus.def(
      "__eq__",
      [](const Corpus& self, const py::object& other) {
        if (!py::isinstance<Corpus>(other)) return false;
        const Corpus& theirs = other.cast<const Corpus&>();
        return with_corpora({{&self, access::read}, {&theirs, access::read}}, [&] { return self == theirs; });
      },
      py::arg("other"), "Same records.");
  corpus.def(
      "__ne__",
      [](const Corpus& self, const py::object& other) {
        if (!py::isinstance<Corpus>(other)) return true;
        const Corpus& theirs = other.cast<const Corpus&>();
        return with_corpora({{&self, access::read}, {&theirs, access::read}}, [&] { return !(self == theirs); });
      },
      py::arg("other"), "Same records.");
  def_unhashable(corpus);
  m.attr("FRAME_NAMES") = frame_names();
}

}  // namespace samverkan_py
