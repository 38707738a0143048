// Structure-aware mutation of archives for the libFuzzer targets: mutating
// the payload of an input that has a valid envelope and wrapping it again
// with detail::wrap_payload, so that the CRC-32s match and the mutant gets
// past the envelope into the payload parser (Boost's binary, text or XML
// reader and the record loaders behind it). Without this almost every
// mutant of a saved file dies at the CRC check.
//
// The envelope checks stay covered: an input without a valid envelope, and
// one mutation in eight of one with, is mutated as a whole. One in sixteen
// payload mutations also rewrites a header field (root type, schema version,
// Boost archive version) and fixes the envelope's own CRC, so that the
// checks behind the CRC (type, versions) see mutants too.
//
// Used by fuzz_load.cpp (binary, text, XML) and fuzz_pickle.cpp; an input may
// start with a prefix of `prefix` bytes that is not part of the archive (the
// pickle target's type byte), mutated now and then on its own.
#pragma once

#include <samverkan/io/archive.hpp>

#include <boost/crc.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace fuzz {

// The envelope layout of src/io/archive.cpp (container version 1).
inline constexpr std::string_view magic{"\x89SVK\r\n\x1a\n", 8};
inline constexpr std::size_t fixed_header = 32;
inline constexpr std::size_t max_type_name = 64;

// Every root type an archive can hold (SAMVERKAN_ARCHIVE_ROOTS).
inline constexpr std::string_view root_types[] = {"Corpus",     "Organisation", "Person",     "Membership",
                                                  "Meeting",    "ActionItem",   "Agreement",  "ActionPlan",
                                                  "FundingPot", "Allocation",   "Indicator"};

inline std::uint32_t crc32(std::string_view bytes) {
  boost::crc_32_type crc;
  crc.process_bytes(bytes.data(), bytes.size());
  return crc.checksum();
}

inline std::uint32_t get32(std::string_view bytes, std::size_t offset) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i)
    value |= static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[offset + i])) << (8 * i);
  return value;
}

inline void put32(std::string& bytes, std::size_t offset, std::uint32_t value) {
  for (std::size_t i = 0; i < 4; ++i) bytes[offset + i] = static_cast<char>((value >> (8 * i)) & 0xFFU);
}

// What a valid envelope header says. The payload is whatever follows the
// header: its length and CRC need not match, wrapping again fixes them.
struct Envelope {
  samverkan::ArchiveFormat format = samverkan::ArchiveFormat::binary;
  std::string type;
  unsigned schema_version = 0;
  unsigned boost_version = 0;
  std::size_t header_size = 0;
};

inline std::optional<Envelope> read_envelope(std::string_view bytes) {
  if (!bytes.starts_with(magic) || bytes.size() < fixed_header) return std::nullopt;
  if (static_cast<unsigned char>(bytes[8]) != 1 || bytes[9] != 0) return std::nullopt;  // container version 1
  const std::size_t name_size = static_cast<unsigned char>(bytes[11]);
  if (name_size == 0 || name_size > max_type_name) return std::nullopt;
  const std::size_t header_size = fixed_header + name_size + 4;
  if (bytes.size() < header_size) return std::nullopt;
  if (crc32(bytes.substr(0, header_size - 4)) != get32(bytes, header_size - 4)) return std::nullopt;
  Envelope e;
  switch (bytes[10]) {
    case 1: e.format = samverkan::ArchiveFormat::binary; break;
    case 2: e.format = samverkan::ArchiveFormat::text; break;
    case 3: e.format = samverkan::ArchiveFormat::xml; break;
    default: return std::nullopt;
  }
  e.type.assign(bytes.substr(fixed_header, name_size));
  e.schema_version = get32(bytes, 12);
  e.boost_version = get32(bytes, 16);
  e.header_size = header_size;
  return e;
}

// wrap_payload with the header's fields; wrap_payload writes this build's
// Boost archive version, so another one is patched in and the envelope CRC
// recomputed.
inline std::string wrap(const Envelope& e, std::string_view payload) {
  std::string out = samverkan::detail::wrap_payload(e.format, payload, e.type, e.schema_version);
  if (e.boost_version != get32(out, 16)) {
    const std::size_t header_size = fixed_header + static_cast<unsigned char>(out[11]) + 4;
    put32(out, 16, e.boost_version);
    put32(out, header_size - 4, crc32(std::string_view(out).substr(0, header_size - 4)));
  }
  return out;
}

// Rewrites one header field to a value the loader must check behind the CRC.
template <class Rng>
void mutate_header(Envelope& e, Rng& rng) {
  const unsigned current_boost = samverkan::boost_archive_version();
  switch (rng() % 4) {
    case 0: e.type = root_types[rng() % std::size(root_types)]; break;
    case 1: {
      const unsigned versions[] = {0, 1, 2, 3, static_cast<unsigned>(rng())};
      e.schema_version = versions[rng() % std::size(versions)];
      break;
    }
    case 2: {
      // Old layouts the reader still accepts, this one, newer, and 0.
      const unsigned versions[] = {0, 1, 3, 7, 10, 13, 16, 17, current_boost, current_boost + 1};
      e.boost_version = versions[rng() % std::size(versions)];
      break;
    }
    default: e.format = static_cast<samverkan::ArchiveFormat>(rng() % 3); break;
  }
}

inline std::size_t emit(const std::string& bytes, std::uint8_t* out, std::size_t max_size) {
  const std::size_t n = std::min(bytes.size(), max_size);
  std::memcpy(out, bytes.data(), n);
  return n;
}

// The custom mutator proper: `data` holds `size` bytes in a buffer of
// `max_size`; returns the new size.
inline std::size_t mutate(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed,
                          std::size_t prefix = 0) {
  std::minstd_rand rng(seed);
  if (size < prefix || max_size <= prefix || rng() % 8 == 0) return LLVMFuzzerMutate(data, size, max_size);
  if (prefix && rng() % 16 == 0) {
    // The prefix alone (the pickle target's type byte).
    LLVMFuzzerMutate(data, prefix, prefix);
    return size;
  }
  const std::string_view input(reinterpret_cast<const char*>(data) + prefix, size - prefix);
  auto envelope = read_envelope(input);
  if (!envelope || envelope->header_size >= max_size - prefix) return LLVMFuzzerMutate(data, size, max_size);

  const std::size_t room = max_size - prefix - envelope->header_size;
  std::vector<std::uint8_t> payload(std::max<std::size_t>(room, 1));
  std::size_t payload_size = std::min(input.size() - envelope->header_size, room);
  std::memcpy(payload.data(), input.data() + envelope->header_size, payload_size);
  if (rng() % 16 == 0)
    mutate_header(*envelope, rng);
  else
    payload_size = LLVMFuzzerMutate(payload.data(), payload_size, room);
  std::string out = wrap(*envelope, std::string_view(reinterpret_cast<const char*>(payload.data()), payload_size));
  if (out.size() > max_size - prefix) return LLVMFuzzerMutate(data, size, max_size);  // a longer type name
  return prefix + emit(out, data + prefix, max_size - prefix);
}

// Cross-over: when both inputs have a valid envelope, a prefix of one
// payload joined to a suffix of the other, wrapped with the first header;
// otherwise a plain splice of the two inputs.
inline std::size_t cross_over(const std::uint8_t* data1, std::size_t size1, const std::uint8_t* data2,
                              std::size_t size2, std::uint8_t* out, std::size_t max_out, unsigned seed,
                              std::size_t prefix = 0) {
  std::minstd_rand rng(seed);
  const auto view = [](const std::uint8_t* d, std::size_t n) { return std::string_view(reinterpret_cast<const char*>(d), n); };
  const std::string_view a = view(data1, size1);
  const std::string_view b = view(data2, size2);
  std::optional<Envelope> ea, eb;
  if (size1 >= prefix && size2 >= prefix) {
    ea = read_envelope(a.substr(prefix));
    eb = read_envelope(b.substr(prefix));
  }
  std::string result;
  if (ea && eb && rng() % 8 != 0) {
    const std::string_view pa = a.substr(prefix + ea->header_size);
    const std::string_view pb = b.substr(prefix + eb->header_size);
    const std::size_t cut_a = pa.empty() ? 0 : rng() % (pa.size() + 1);
    const std::size_t cut_b = pb.empty() ? 0 : rng() % (pb.size() + 1);
    std::string payload(pa.substr(0, cut_a));
    payload += pb.substr(cut_b);
    const std::size_t limit = max_out > prefix + ea->header_size ? max_out - prefix - ea->header_size : 0;
    if (payload.size() > limit) payload.resize(limit);
    result.assign(a.substr(0, prefix));
    result += wrap(*ea, payload);
  } else {
    const std::size_t cut_a = rng() % (size1 + 1);
    const std::size_t cut_b = rng() % (size2 + 1);
    result.assign(a.substr(0, cut_a));
    result += b.substr(cut_b);
  }
  return emit(result, out, max_out);
}

}  // namespace fuzz
