// OParl, Popolo and OCDS from Python: export a corpus, read the standards'
// documents back, check documents against a standard's rules. Documents are
// a dict of file name → JSON text, in the order the export writes them.
#include "bindings.hpp"

#include <samverkan/io/standards.hpp>

#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <map>
#include <utility>

namespace samverkan_py {

namespace {

std::vector<StandardFile> files_of(const py::dict& files) {
  std::vector<StandardFile> out;
  for (const auto& [name, text] : files) out.push_back({py::cast<std::string>(name), py::cast<std::string>(text)});
  return out;
}

py::dict dict_of(const std::vector<StandardFile>& files) {
  py::dict out;
  for (const auto& f : files) out[py::str(f.path)] = py::str(f.text);
  return out;
}

// None keeps ExportOptions' default; stubs then show Optional[str] = None
// rather than a URL the stub generator cannot parse.
using Text = std::optional<std::string>;

ExportOptions options_of(const Text& base_url, const Text& body_name, const Text& ocid_prefix, const Text& publisher,
                         const Text& date, bool extensions) {
  ExportOptions o;
  if (base_url) o.base_url = *base_url;
  if (body_name) o.body_name = *body_name;
  if (ocid_prefix) o.ocid_prefix = *ocid_prefix;
  if (publisher) o.publisher = *publisher;
  if (date) o.date = *date;
  o.extensions = extensions;
  return o;
}

const char* const options_doc =
    "    base_url: OParl: every id is this URL, \"/\" and the record's id (None: https://example.org/samverkan).\n"
    "    body_name: OParl: the name of the one Body (None: samverkan).\n"
    "    ocid_prefix: OCDS: the registered ocid prefix, \"ocds-\" and six characters (None: ocds-svkn00).\n"
    "    publisher: OCDS: the publisher's name (None: samverkan).\n"
    "    date: OCDS: release date, RFC 3339 (\"2025-01-31T12:00:00Z\"); None for now.\n"
    "    extensions: write the samverkan: properties that carry what the standard has no field\n"
    "        for (False: plain standard data; import then recovers only what docs/interop.md lists).\n";

}  // namespace

void bind_standards(py::module_& m) {
  bind_vocabulary<Standard>(m, "Standard", "An open data standard: oparl (OParl 1.1), popolo, ocds (OCDS 1.1).");

  m.def(
      "export_standard",
      [](const Corpus& corpus, Standard standard, const Text& base_url, const Text& body_name, const Text& ocid_prefix,
         const Text& publisher, const Text& date, bool extensions) {
        const auto options = options_of(base_url, body_name, ocid_prefix, publisher, date, extensions);
        const auto files = reading_released(corpus, [&] { return export_standard(corpus, standard, options); });
        return dict_of(files);
      },
      py::arg("corpus"), py::arg("standard"), py::kw_only(), py::arg("base_url") = py::none(),
      py::arg("body_name") = py::none(), py::arg("ocid_prefix") = py::none(), py::arg("publisher") = py::none(),
      py::arg("date") = py::none(), py::arg("extensions") = true,
      (std::string("The corpus as documents of the standard: a dict of file name → JSON text.\n\n"
                   "OParl gives system.json, bodies.json, organizations.json, people.json, meetings.json\n"
                   "and papers.json; Popolo popolo.json; OCDS release-package.json.\n\n"
                   "Args:\n    corpus: the Corpus.\n    standard: a Standard or its name.\n") +
       options_doc)
          .c_str());

  m.def(
      "write_standard",
      [](const Corpus& corpus, Standard standard, const std::filesystem::path& directory, const Text& base_url,
         const Text& body_name, const Text& ocid_prefix, const Text& publisher, const Text& date, bool extensions) {
        const auto options = options_of(base_url, body_name, ocid_prefix, publisher, date, extensions);
        return reading_released(corpus, [&] {
          const auto files = export_standard(corpus, standard, options);
          write_standard_files(files, directory);
          std::vector<std::string> names;
          for (const auto& f : files) names.push_back(f.path);
          return names;
        });
      },
      py::arg("corpus"), py::arg("standard"), py::arg("directory"), py::kw_only(),
      py::arg("base_url") = py::none(), py::arg("body_name") = py::none(), py::arg("ocid_prefix") = py::none(),
      py::arg("publisher") = py::none(), py::arg("date") = py::none(), py::arg("extensions") = true,
      (std::string("Exports the corpus into `directory` (created when absent), each file written\n"
                   "crash-safely, and returns the file names.\n\n"
                   "Args:\n    corpus: the Corpus.\n    standard: a Standard or its name.\n"
                   "    directory: where the files go.\n") +
       options_doc)
          .c_str());

  m.def(
      "import_standard",
      [](Standard standard, const py::object& source) {
        StandardImport read;
        if (py::isinstance<py::dict>(source)) {
          const auto files = files_of(source.cast<py::dict>());
          py::gil_scoped_release release;
          read = import_standard(standard, files);
        } else {
          const auto dir = source.cast<std::filesystem::path>();
          py::gil_scoped_release release;
          read = import_standard_directory(standard, dir);
        }
        return py::make_tuple(std::move(read.corpus), read.warnings);
      },
      py::arg("standard"), py::arg("source"),
      "Reads documents of the standard into a new corpus; returns (corpus, warnings).\n\n"
      "A directory written by write_standard, or the dict export_standard returns, gives the\n"
      "exported corpus back.\n\n"
      "Properties the reader does not use are kept in the records' extensions as\n"
      "\"<standard>.<property>\"; objects a corpus has no place for are listed in `warnings`;\n"
      "references to objects the data lacks are kept for Corpus.validate() to report.\n\n"
      "Args:\n    standard: a Standard or its name.\n"
      "    source: a directory (every *.json file in it is read) or a dict of file name → JSON text.\n\n"
      "Raises:\n    ParseError naming the file and object when a document is not JSON or a value has the\n"
      "    wrong type; DuplicateIdError when two objects share an id; FileError for the directory.");

  m.def(
      "check_standard",
      [](Standard standard, const py::dict& files) {
        const auto list = files_of(files);
        py::gil_scoped_release release;
        return check_standard(standard, list);
      },
      py::arg("standard"), py::arg("files"),
      "Checks documents (a dict of file name → JSON text, as export_standard returns) against the\n"
      "standard's rules: required properties, types, formats, code lists and the references\n"
      "between objects. One line per problem; an empty list when they conform.");
}

}  // namespace samverkan_py
