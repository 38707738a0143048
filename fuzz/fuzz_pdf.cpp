// libFuzzer target of the PDF reader (samverkan::pdf, through Poppler): any
// bytes as a PDF must be read or refused with io_error, never crash or hang
// in our layout code; what is read must parse as minutes. Poppler itself is
// not instrumented, so coverage guides through the reader's own code.
#include <samverkan/core/error.hpp>
#include <samverkan/import/pdf.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace sv = samverkan;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool quiet = (sv::import::register_pdf_reader(), true);
  (void)quiet;
  sv::import::ReadLimits limits;
  limits.max_pages = 50;
  try {
    const auto document =
        sv::import::read_pdf(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.pdf", limits);
    (void)sv::import::parse_document(document);
  } catch (const sv::io_error&) {
    return 0;
  }
  return 0;
}
