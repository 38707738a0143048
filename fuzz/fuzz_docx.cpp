// libFuzzer target of the Word reader: any bytes as a .docx package must be
// read or refused with io_error, never crash, hang or exceed the limits; what
// is read must parse as minutes. The first byte chooses what the rest is:
// even, a whole package (zip damage, bombs, members); odd, the XML of
// word/document.xml, packed here into a valid package, so that mutations
// reach the WordprocessingML reader past the zip layer (with fuzz/xml.dict).
#include <samverkan/core/error.hpp>
#include <samverkan/import/document.hpp>

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sv = samverkan;

namespace {
std::string package(std::string_view document_xml) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* out = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(out);
  zip_t* z = zip_open_from_source(out, ZIP_TRUNCATE, &error);
  zip_source_t* member = zip_source_buffer_create(document_xml.data(), document_xml.size(), 0, &error);
  zip_file_add(z, "word/document.xml", member, ZIP_FL_OVERWRITE);
  zip_close(z);
  std::string bytes;
  if (zip_source_open(out) == 0) {
    zip_source_seek(out, 0, SEEK_END);
    const auto size = zip_source_tell(out);
    zip_source_seek(out, 0, SEEK_SET);
    bytes.resize(static_cast<std::size_t>(size > 0 ? size : 0));
    if (size > 0) zip_source_read(out, bytes.data(), static_cast<zip_uint64_t>(size));
    zip_source_close(out);
  }
  zip_source_free(out);
  zip_error_fini(&error);
  return bytes;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const std::string bytes = (data[0] & 1) ? package(rest) : std::string(rest);
  sv::import::ReadLimits limits;
  limits.max_part_bytes = 4u << 20;  // under the fuzzer's allocation limit
  try {
    const auto document = sv::import::read_docx(bytes, "fuzz.docx", limits);
    (void)sv::import::parse_document(document);
  } catch (const sv::io_error&) {
    return 0;  // a refusal with a message is the documented outcome
  }
  return 0;
}
