// SPDX-License-Identifier: Apache-2.0
// Terms named in body text, and the sections of urgent appeals.
// See include/hrnews/extract.hpp.
#include <hrnews/extract.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <string>
#include <utility>

#include "extract_detail.hpp"
#include "fold.hpp"
#include "swar.hpp"

namespace hrnews {
namespace {

constexpr std::size_t max_word = 120;  // folded bytes of a word hashed; a longer word matches no phrase

/// The hash of a folded word: eight bytes at a time, with its length; never 0
/// (0 stands for a word too long to match). `w` must have 8 readable bytes
/// beyond `n` (they do not count).
std::uint64_t word_hash_padded(const char* w, std::size_t n) noexcept {
  constexpr std::uint64_t k = 0xff51afd7ed558ccdULL;
  std::uint64_t h = static_cast<std::uint64_t>(n) * 0x9E3779B97F4A7C15ULL;
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, w + i, 8);
    h = (((h << 23) | (h >> 41)) ^ x) * k;
  }
  if (i < n) {
    std::uint64_t x;
    std::memcpy(&x, w + i, 8);
    x &= ~std::uint64_t{0} >> (64 - 8 * (n - i));  // the bytes of the word only (little-endian order, or not: the same everywhere)
    h = (((h << 23) | (h >> 41)) ^ x) * k;
  }
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h ? h : 1;
}

std::uint64_t word_hash(std::string_view w) {
  std::string padded(w);
  padded.append(8, '\0');
  return word_hash_padded(padded.data(), w.size());
}

using detail::swar::little_endian;

/// Splits folded text (words separated by single spaces) into words.
std::vector<std::string> split_words(const std::string& folded) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < folded.size()) {
    std::size_t j = folded.find(' ', i);
    if (j == std::string::npos) j = folded.size();
    if (j > i) out.emplace_back(folded, i, j - i);
    i = j + 1;
  }
  return out;
}

// ---------------------------------------------------------------------------
// The violation scan
//
// `find` reads a text in two passes over a thread-local buffer.
//
// 1. Fold (`fold_words`): the text is copied into the buffer folded, with a 0
//    byte wherever a word ends: ASCII letters lower-cased, digits kept, every
//    other ASCII byte 0; a tag (`<` to `>`) and a character reference (`&` to
//    `;`) one 0 each; any other code point its folded form (`fold_code_point`:
//    a non-letter is a 0, a combining mark nothing). The words of the text are
//    then exactly the runs of non-zero bytes of the buffer, which is never
//    longer than the text. Plain text is folded 64 bytes at a time (four SSE2
//    blocks, or a portable loop chosen at compile time: HRNEWS_SSE2), up
//    to a byte `<`, `&` or >= 0x80, which the scalar path reads; the last
//    bytes (fewer than 64) in one step, folded aside.
// 2. Scan (`scan_words`): word starts are found 64 bytes at a time as a bit
//    mask (a non-zero byte after a zero). A word costs a few instructions: its
//    first `key_bytes` bytes (with the 0 that ends a shorter word; they are
//    never those of another word) index a table of the phrases' first words;
//    for a word that may start a phrase, the first two bytes of the next word
//    (the next bit of the mask), with its own key, index a bitmap of the
//    phrases' first two words. Both answers are bits of masks, not branches
//    (a branch on the first one, taken by 28% of words in no pattern, was
//    mispredicted about 330,000 times a classification of the feed below):
//    a window's words go through the table in one loop, its candidates
//    through the bitmap in a second, and the few that pass both to
//    `match_at`. A window's last word has its next word in a later window:
//    it waits there, pending.
//    Only when both say yes is the word hashed (`word_hash_padded`), looked
//    up among the first words, and the words after it hashed one by one as
//    the phrases need them (`match_at`). Since the filters only rule out words
//    that start no phrase, the results are those of hashing every word: the
//    same phrases, found in the same order. On the synthetic RSS feed of
//    10,000 items (mostly plain English), classification's calls cost 32.0M
//    instructions and 228,000 mispredicted branches (callgrind
//    --branch-sim=yes; 29.2M and 460,000 with branches on the filters'
//    answers, 98.2M instructions when every word was hashed; 332,000 before
//    the one-step tail of the fold and the branch-free hand-over); of its 576,611
//    words, 161,569 (28%) pass the first-word table and 8,110 (1.4%) both
//    filters (counted with the pair hash of 64 bits used before). What
//    remains is mostly the fold (13.3M, about 1.4 instructions a byte in the
//    SSE2 blocks, and a fifth of the mispredicts) and the per-word step (~11
//    instructions, ~25 more for a candidate).

constexpr unsigned first_map_bits = 12;  // table of first-word keys: 4096 bytes (one load a word)
constexpr unsigned pair_map_bits = 15;   // bitmap of (first-word key, next word's two bytes): 32768 bits

/// Four bytes at `p` as a number whose lowest byte is `p[0]`, on any target.
inline std::uint32_t load_le32(const char* p) noexcept {
  std::uint32_t x;
  std::memcpy(&x, p, 4);
  if (!little_endian()) x = __builtin_bswap32(x);
  return x;
}

inline std::size_t first_index(std::uint32_t key) noexcept { return (key * 0x9E3779B1u) >> (32 - first_map_bits); }

// Two 32-bit products (immediate operands) rather than one 64-bit product,
// whose constant GCC reloaded for every candidate.
inline std::size_t pair_index(std::uint32_t first_key, std::uint32_t next) noexcept {
  const std::uint32_t k = first_key * 0x9E3779B1u + (next & 0xFFFFu) * 0x85EBCA77u;
  return k >> (32 - pair_map_bits);
}

inline void set_bit(std::vector<std::uint64_t>& map, std::size_t i) { map[i >> 6] |= std::uint64_t{1} << (i & 63); }

/// The hash of a word of the fold buffer (8 readable bytes after it); 0 for a
/// word too long to match.
inline std::uint64_t buffer_word_hash(const char* w, std::size_t n) noexcept {
  return n > max_word ? 0 : word_hash_padded(w, n);
}

// ASCII bytes to what a word is made of: letters lower-cased, digits kept; 0
// for separators. Bytes from 0x80 on are marked 0x80 (read by the scalar path).
constexpr std::array<unsigned char, 256> word_byte = [] {
  std::array<unsigned char, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c - 'A' + 'a');
  for (int c = '0'; c <= '9'; ++c) t[static_cast<std::size_t>(c)] = static_cast<unsigned char>(c);
  for (int c = 0x80; c < 0x100; ++c) t[static_cast<std::size_t>(c)] = 0x80;
  return t;
}();

#if defined(HRNEWS_SSE2)
/// Folds the 16 bytes `v` into the 16 bytes at `dst` as ASCII (letters
/// lower-cased, digits kept, anything else 0); returns a vector whose bytes
/// have their high bit set where the scalar path must read: `<`, `&` and bytes
/// >= 0x80.
inline __m128i fold16_sse2(__m128i v, char* dst) noexcept {
  const __m128i t = _mm_or_si128(v, _mm_set1_epi8(0x20));  // letters in lower case; digits have the bit already
  // Signed comparisons on bytes moved so that the range starts at -128.
  const __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(t, _mm_set1_epi8(static_cast<char>(0x80 - 'a'))),
                                        _mm_set1_epi8(static_cast<char>(-128 + 26)));
  const __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(static_cast<char>(0x80 - '0'))),
                                       _mm_set1_epi8(static_cast<char>(-128 + 10)));
  _mm_storeu_si128(reinterpret_cast<__m128i*>(dst), _mm_and_si128(t, _mm_or_si128(letter, digit)));
  const __m128i special = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('<')), _mm_cmpeq_epi8(v, _mm_set1_epi8('&')));
  return _mm_or_si128(special, v);  // the high bit: >= 0x80, or special
}
#endif

/// Folds the 16 bytes at `src` into the 16 bytes at `dst` as ASCII (letters
/// lower-cased, digits kept, anything else 0) and returns the mask of those
/// that the scalar path must read: `<`, `&` and bytes >= 0x80 (bit k for byte k).
inline unsigned fold16(const char* src, char* dst) noexcept {
#if defined(HRNEWS_SSE2)
  return static_cast<unsigned>(
      _mm_movemask_epi8(fold16_sse2(_mm_loadu_si128(reinterpret_cast<const __m128i*>(src)), dst)));
#else
  unsigned special = 0;
  for (unsigned k = 0; k < 16; ++k) {
    const auto c = static_cast<unsigned char>(src[k]);
    const unsigned char l = word_byte[c];
    dst[k] = static_cast<char>(l < 0x80 ? l : 0);
    if (c >= 0x80 || c == '<' || c == '&') special |= 1u << k;
  }
  return special;
#endif
}

/// Folds the 64 bytes at `src` into the 64 bytes at `dst` as `fold16` does;
/// returns the mask of those that the scalar path must read (bit k for byte k).
inline std::uint64_t fold64(const char* src, char* dst) noexcept {
  return std::uint64_t{fold16(src, dst)} | std::uint64_t{fold16(src + 16, dst + 16)} << 16 |
         std::uint64_t{fold16(src + 32, dst + 32)} << 32 | std::uint64_t{fold16(src + 48, dst + 48)} << 48;
}

/// Bit k set when byte k of the 64 at `f` is not 0.
inline std::uint64_t nonzero_mask(const char* f) noexcept {
#if defined(HRNEWS_SSE2)
  // Adding 0x7F with unsigned saturation sets the high bit of every byte but 0.
  // (Written out four times: as a loop, GCC 12 kept a shift by a register and a counter.)
  const __m128i up = _mm_set1_epi8(0x7F);
  auto bits = [f, up](int k) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(f + 16 * k));
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_adds_epu8(v, up))));
  };
  return bits(0) | bits(1) << 16 | bits(2) << 32 | bits(3) << 48;
#else
  std::uint64_t m = 0;
  for (unsigned k = 0; k < 64; ++k)
    if (f[k] != 0) m |= std::uint64_t{1} << k;
  return m;
#endif
}

/// The end of the word at `f[i]` of the fold buffer (its first 0 byte; the
/// buffer is zero-padded), eight bytes at a time.
inline std::size_t word_end(const char* f, std::size_t i) noexcept {
  if (!little_endian()) {
    while (f[i] != 0) ++i;
    return i;
  }
  for (;; i += 8) {
    std::uint64_t x;
    std::memcpy(&x, f + i, 8);
    const std::uint64_t zero = (x - detail::swar::ones) & ~x & detail::swar::high_bits;  // exact at the lowest 0 byte
    if (zero) return i + static_cast<std::size_t>(__builtin_ctzll(zero)) / 8;
  }
}

/// Per-thread buffers of `find`.
struct ScanBuffers {
  std::vector<char> folded;           // the fold buffer, zero-padded
  std::string code_point;             // one folded code point
  std::vector<std::uint64_t> after;   // hashes of the words after a candidate first word
};

constexpr std::size_t fold_padding = 64;  // zero bytes after the folded text: 64-byte masks, 4-byte keys, 8-byte reads

/// Pass 1: folds `text` into `b.folded` (see above); returns its length.
std::size_t fold_words(std::string_view text, ScanBuffers& b) {
  const std::size_t n = text.size();
  const char* p = text.data();
  if (b.folded.size() < n + fold_padding) b.folded.resize(n + fold_padding);
  char* out = b.folded.data();
  std::size_t i = 0, o = 0;  // o <= i throughout: no code point folds to more bytes than it has
  while (i < n) {
    // The bytes folded at once (64, 16, or what is left), and those of them
    // that the scalar path must read (bit k for byte i + k).
    const std::size_t avail = n - i;
    std::size_t step;
    std::uint64_t special;
    if (avail >= 64) {
      step = 64;
#if defined(HRNEWS_SSE2)
      auto load = [p](std::size_t at) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + at)); };
      const __m128i s0 = fold16_sse2(load(i), out + o), s1 = fold16_sse2(load(i + 16), out + o + 16);
      const __m128i s2 = fold16_sse2(load(i + 32), out + o + 32), s3 = fold16_sse2(load(i + 48), out + o + 48);
      if (_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(s0, s1), _mm_or_si128(s2, s3))) == 0) {
        i += 64;
        o += 64;
        continue;
      }
      auto bits = [](__m128i s) { return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(s))); };
      special = bits(s0) | bits(s1) << 16 | bits(s2) << 32 | bits(s3) << 48;
#else
      special = fold64(p + i, out + o);
#endif
    } else {
      // The last bytes (fewer than 64), in one step: the 64 bytes that end
      // the text (or the whole text, copied into zeros, when it is shorter)
      // are folded aside, and those not yet read copied with zeros after them.
      // (Steps of 16 before a last step cost a data-dependent branch each.)
      step = avail;
      if (n >= 64) {
        char folded[128];  // 64 folded bytes, then zeros
        std::memset(folded + 64, 0, 64);
        special = fold64(p + n - 64, folded) >> (64 - avail);
        std::memcpy(out + o, folded + 64 - avail, 64);
      } else {
        char tail[64] = {};
        std::memcpy(tail, p + i, avail);
        special = fold64(tail, out + o);
      }
      special |= ~std::uint64_t{0} << avail;  // stop at the end of the text
    }
    if (special == 0) {
      i += step;
      o += step;
      continue;
    }
    // The folded bytes before the special one are right; those after it are
    // folded again from there.
    const auto j = static_cast<std::size_t>(__builtin_ctzll(special));
    i += j;
    o += j;
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(p[i]);
    if (c == '<') {  // a tag: skipped, a word boundary
      out[o++] = 0;
      std::size_t k = i + 1;  // most tags are short (`<p>`, `</b>`): a few bytes before memchr
      while (k < n && k < i + 8 && p[k] != '>') ++k;
      if (k < n && p[k] != '>') {
        const void* close = std::memchr(p + k, '>', n - k);
        k = close ? static_cast<std::size_t>(static_cast<const char*>(close) - p) : n;
      }
      i = k < n ? k + 1 : n;
    } else if (c == '&') {  // a character reference: skipped, a word boundary
      out[o++] = 0;
      std::size_t k = i + 1;
      while (k < n && k - i < 10 && p[k] != ';' && p[k] != ' ') ++k;
      i = (k < n && p[k] == ';') ? k + 1 : i + 1;
    } else {
      const char32_t cp = detail::decode_utf8(text, i);
      b.code_point.clear();
      if (!detail::fold_code_point(cp, b.code_point)) {
        out[o++] = 0;
      } else if (!b.code_point.empty()) {  // (a combining mark folds to nothing: it neither starts nor ends a word)
        if (o + b.code_point.size() + fold_padding > b.folded.size()) {  // not expected (o stays <= i), but safe
          b.folded.resize(o + b.code_point.size() + n - i + fold_padding);
          out = b.folded.data();
        }
        std::memcpy(out + o, b.code_point.data(), b.code_point.size());
        o += b.code_point.size();
      }
    }
  }
  char* const pad = out + o;
  char zeros[fold_padding] = {};
  std::memcpy(pad, zeros, fold_padding);
  return o;
}

}  // namespace

struct TextTermFinder::Impl {
  struct Phrase {
    std::vector<std::uint64_t> words;  // hashes of the folded words
    TermRef ref;
    std::uint32_t term = 0;  // index of the term in its scheme
  };
  std::vector<Phrase> phrases;
  /// First-word hashes in an open-addressing table (a power of two, at most
  /// a quarter full): a word that starts no phrase costs one probe, mostly.
  struct Slot {
    std::uint64_t hash = 0;
    std::uint32_t begin = 0, count = 0;  // its phrases in `by_first`
  };
  std::vector<Slot> slots;
  std::size_t mask = 0;
  std::vector<std::uint32_t> by_first;  // phrase indexes, grouped by first word

  /// The scan's filters (see "The violation scan" above): keys of first words
  /// (their first `key_bytes` bytes, `key_mask`), and of first words with the
  /// first two bytes of the second.
  std::uint32_t key_mask = ~std::uint32_t{0};
  std::vector<unsigned char> first_map;  // 1 for the key of a first word
  std::vector<std::uint64_t> pair_map;   // bitmap

  const Slot* lookup(std::uint64_t h) const noexcept {
    for (std::size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots[i];
      if (s.count == 0) return nullptr;
      if (s.hash == h) return &s;
    }
  }

  /// Terms already matched in one text: a term named again costs no comparison of refs.
  struct Seen {
    std::uint32_t terms[16];
    std::size_t count = 0;
  };

  /// Pass 2: the words of `f` (`n` folded bytes, zero-padded) that pass both
  /// filters go to `match_at`.
  /// (`FullKey`: keys of four bytes, no mask to apply.)
  /// (`emit(ref)`: appends a ref found, unless the output holds it already.)
  template <bool FullKey, class Emit>
  void scan_words(const char* f, std::size_t n, ScanBuffers& b, Emit&& out) const {
    Seen seen;
    const std::uint32_t km = FullKey ? ~std::uint32_t{0} : key_mask;
    const unsigned char* firsts = first_map.data();
    const std::uint64_t* pairs = pair_map.data();
    auto pair_known = [pairs](std::uint32_t first_key, std::uint32_t next) {
      const std::size_t pi = pair_index(first_key, next);
      return (pairs[pi >> 6] >> (pi & 63)) & 1;
    };
    std::uint64_t carry = 0;    // whether the byte before the window is in a word
    bool pending = false;  // a candidate first word whose next word is in a later window
    std::uint32_t pending_key = 0;
    std::size_t pending_at = 0;
    // Each window in three loops whose only data-dependent branches are their
    // ends (the filters' answers become bits of masks, not branches): every
    // word start through the first-word table, the few candidates through the
    // pair bitmap, the fewer still that pass both to `match_at`, in text order.
    for (std::size_t base = 0; base < n; base += 64) {
      const char* w = f + base;
      const std::uint64_t nz = nonzero_mask(w);
      const std::uint64_t starts = nz & ~((nz << 1) | carry);
      carry = nz >> 63;
      if (starts == 0) continue;  // inside a long word, or past the text: the pending word waits
      // The pending word's next word is the window's first. (Both tests
      // always: a branch on `pending` alone, true for 28% of windows, was
      // mispredicted about 29,000 times a classification of the feed.)
      if (pending & static_cast<bool>(pair_known(pending_key, load_le32(w + __builtin_ctzll(starts)))))
        match_at(f, n, pending_at, b, out, seen);
      std::uint64_t candidates = 0;  // bit k: the word at w[k] may start a phrase
      for (std::uint64_t s = starts; s; s &= s - 1) {
        const auto at = static_cast<unsigned>(__builtin_ctzll(s));
        candidates |= std::uint64_t{firsts[first_index(load_le32(w + at) & km)]} << at;
      }
      // The window's last word waits for the next window's first (as a
      // candidate or not: `pending` says which).
      const auto last = static_cast<unsigned>(63 - __builtin_clzll(starts));
      pending = (candidates >> last) & 1;
      pending_key = load_le32(w + last) & km;
      pending_at = base + last;
      candidates &= ~(std::uint64_t{1} << last);
      std::uint64_t hits = 0;  // bit k: the word at w[k] passes both filters
      for (; candidates; candidates &= candidates - 1) {
        const auto at = static_cast<unsigned>(__builtin_ctzll(candidates));  // < last <= 63: a later start exists
        const auto next = static_cast<unsigned>(__builtin_ctzll(starts & ~((std::uint64_t{2} << at) - 1)));
        hits |= std::uint64_t{pair_known(load_le32(w + at) & km, load_le32(w + next))} << at;
      }
      for (; hits; hits &= hits - 1) match_at(f, n, base + static_cast<std::size_t>(__builtin_ctzll(hits)), b, out, seen);
    }
  }

  /// The phrases that start with the word at `f[at]`, compared word by word
  /// (hashes) as before; matches go to `out`.
  template <class Emit>
  void match_at(const char* f, std::size_t n, std::size_t at, ScanBuffers& b, Emit& out, Seen& seen) const {
    const std::size_t end = word_end(f, at);
    const Slot* slot = lookup(buffer_word_hash(f + at, end - at));
    if (!slot) return;
    std::vector<std::uint64_t>& after = b.after;  // hashes of the next words, as far as needed
    after.clear();
    std::size_t cursor = end;
    bool text_ends = false;  // no word after those in `after`
    for (std::uint32_t q = slot->begin; q < slot->begin + slot->count; ++q) {
      const Phrase& phrase = phrases[by_first[q]];
      const std::size_t len = phrase.words.size();
      // Word by word: the next word is hashed only when the words before it
      // match (a phrase that fails at its second word costs no more hashes).
      std::size_t w = 1;
      for (; w < len; ++w) {
        if (after.size() < w) {
          while (cursor < n && f[cursor] == 0) ++cursor;
          if (cursor >= n) text_ends = true;
          if (text_ends) break;
          const std::size_t e = word_end(f, cursor);
          after.push_back(buffer_word_hash(f + cursor, e - cursor));
          cursor = e;
        }
        if (phrase.words[w] != after[w - 1]) break;
      }
      if (w < len) continue;
      if (std::find(seen.terms, seen.terms + seen.count, phrase.term) != seen.terms + seen.count) continue;
      if (seen.count < std::size(seen.terms)) seen.terms[seen.count++] = phrase.term;
      out(phrase.ref);
    }
  }
};

TextTermFinder::TextTermFinder(const Taxonomy& taxonomy, std::string_view scheme_id) : impl_(std::make_unique<Impl>()) {
  const Scheme* scheme = taxonomy.find_scheme(scheme_id);
  if (!scheme) return;
  std::vector<std::uint64_t> firsts;  // in order of first appearance
  std::vector<std::pair<std::string, std::string>> leads;  // each phrase's first two folded words
  for (std::size_t ti = 0; ti < scheme->terms.size(); ++ti) {
    const Term& t = scheme->terms[ti];
    if (t.deprecated) continue;
    std::vector<std::string> labels;
    for (const auto& [lang, label] : t.labels) labels.push_back(label);
    for (const auto& [lang, list] : t.alt_labels) labels.insert(labels.end(), list.begin(), list.end());
    for (const std::string& label : labels) {
      const std::vector<std::string> folded = split_words(detail::fold(label));
      // One word says too little in human-rights prose ("torture", "raid"): phrases only.
      if (folded.size() < 2) continue;
      std::vector<std::uint64_t> words;
      for (const std::string& w : folded) words.push_back(word_hash(w));
      const bool dup = std::any_of(impl_->phrases.begin(), impl_->phrases.end(), [&](const Impl::Phrase& p) {
        return p.words == words && p.ref.code == t.code;
      });
      if (dup) continue;
      if (std::find(firsts.begin(), firsts.end(), words.front()) == firsts.end()) firsts.push_back(words.front());
      impl_->phrases.push_back(Impl::Phrase{std::move(words), TermRef{scheme->id, t.code}, static_cast<std::uint32_t>(ti)});
      leads.emplace_back(folded[0], folded[1]);
    }
  }
  std::size_t size = 16;
  while (size < 4 * firsts.size()) size *= 2;
  impl_->slots.resize(size);
  impl_->mask = size - 1;
  for (std::uint64_t h : firsts) {
    std::size_t i = h & impl_->mask;
    while (impl_->slots[i].count != 0) i = (i + 1) & impl_->mask;
    Impl::Slot& slot = impl_->slots[i];
    slot.hash = h;
    slot.begin = static_cast<std::uint32_t>(impl_->by_first.size());
    for (std::size_t k = 0; k < impl_->phrases.size(); ++k)  // in taxonomy order, as before
      if (impl_->phrases[k].words.front() == h) impl_->by_first.push_back(static_cast<std::uint32_t>(k));
    slot.count = static_cast<std::uint32_t>(impl_->by_first.size()) - slot.begin;
  }
  // The scan's filters. A first word's key is its first bytes with the 0 that
  // ends it, as many as the shortest first word allows (at most 4), so that a
  // key never holds a byte of the next word.
  std::size_t shortest = 4;
  for (const auto& lead : leads) shortest = std::min(shortest, lead.first.size());
  const std::size_t key_bytes = std::min<std::size_t>(4, shortest + 1);
  impl_->key_mask = key_bytes == 4 ? ~std::uint32_t{0} : (std::uint32_t{1} << (8 * key_bytes)) - 1;
  impl_->first_map.assign(std::size_t{1} << first_map_bits, 0);
  impl_->pair_map.assign((std::size_t{1} << pair_map_bits) / 64, 0);
  for (const auto& [first, second] : leads) {
    char a[8] = {}, b[8] = {};  // zero-padded, as the fold buffer is
    std::memcpy(a, first.data(), std::min<std::size_t>(4, first.size()));
    std::memcpy(b, second.data(), std::min<std::size_t>(4, second.size()));
    const std::uint32_t key = load_le32(a) & impl_->key_mask;
    impl_->first_map[first_index(key)] = 1;
    set_bit(impl_->pair_map, pair_index(key, load_le32(b)));
  }
}

TextTermFinder::~TextTermFinder() = default;

std::size_t TextTermFinder::phrase_count() const noexcept { return impl_->phrases.size(); }

namespace {

/// Folds `text` and scans it with `impl`, handing the refs found to `emit`.
template <class Impl, class Emit>
void scan_text(const Impl& impl, std::string_view text, Emit&& emit) {
  if (impl.phrases.empty() || text.empty()) return;
  thread_local ScanBuffers buffers;
  const std::size_t n = fold_words(text, buffers);
  if (impl.key_mask == ~std::uint32_t{0})
    impl.template scan_words<true>(buffers.folded.data(), n, buffers, emit);
  else
    impl.template scan_words<false>(buffers.folded.data(), n, buffers, emit);
}

}  // namespace

void TextTermFinder::find(std::string_view text, std::vector<TermRef>& out) const {
  scan_text(*impl_, text, [&out](const TermRef& ref) {
    if (std::find(out.begin(), out.end(), ref) == out.end()) out.push_back(ref);
  });
}

void TextTermFinder::find_refs(std::string_view text, std::vector<const TermRef*>& out) const {
  scan_text(*impl_, text, [&out](const TermRef& ref) {
    for (const TermRef* known : out)
      if (known == &ref || *known == ref) return;
    out.push_back(&ref);
  });
}

std::vector<TermRef> TextTermFinder::find(std::string_view text) const {
  std::vector<TermRef> out;
  find(text, out);
  return out;
}

// ---------------------------------------------------------------------------
// Appeal sections

namespace {

enum class Section { none, situation, actions, addresses };

struct Heading {
  std::string_view folded;
  Section section;
};

constexpr Heading headings[] = {
    {"actions requested", Section::actions},
    {"action requested", Section::actions},
    {"actions demandees", Section::actions},
    {"action demandee", Section::actions},
    {"acciones solicitadas", Section::actions},
    {"accion solicitada", Section::actions},
    {"addresses", Section::addresses},
    {"please write to", Section::addresses},
    {"adresses", Section::addresses},
    {"direcciones", Section::addresses},
    {"brief description of the situation", Section::situation},
    {"description of the situation", Section::situation},
    {"rappel des faits", Section::situation},
    {"breve description de la situation", Section::situation},
    {"description de la situation", Section::situation},
    {"breve descripcion de la situacion", Section::situation},
    {"descripcion de la situacion", Section::situation},
};

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  // U+00A0 at either end.
  while (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2 && static_cast<unsigned char>(s[1]) == 0xA0)
    s.remove_prefix(2);
  while (s.size() >= 2 && static_cast<unsigned char>(s[s.size() - 2]) == 0xC2 &&
         static_cast<unsigned char>(s.back()) == 0xA0)
    s.remove_suffix(2);
  return s;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    char c = s[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != prefix[i]) return false;
  }
  return true;
}

/// HTML (or plain text) to lines: block elements and `<br>` end lines, `</p>`
/// and the like leave an empty line between paragraphs; other tags vanish;
/// the common character references are decoded.
std::string to_plain_lines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '<') {
      const std::size_t close = text.find('>', i);
      if (close == std::string_view::npos) {
        out.append(text.substr(i));
        break;
      }
      std::string_view tag = text.substr(i + 1, close - i - 1);
      const bool end_tag = !tag.empty() && tag[0] == '/';
      if (end_tag) tag.remove_prefix(1);
      std::size_t name_end = 0;
      while (name_end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[name_end])) != 0)) ++name_end;
      std::string name(tag.substr(0, name_end));
      for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      static const char* const paragraphs[] = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol",
                                               "blockquote", "table", "section"};
      static const char* const lines[] = {"br", "li", "tr", "dt", "dd"};
      if (std::any_of(std::begin(paragraphs), std::end(paragraphs), [&](const char* t) { return name == t; }))
        out += "\n\n";
      else if (std::any_of(std::begin(lines), std::end(lines), [&](const char* t) { return name == t; }))
        out += '\n';
      i = close + 1;
      continue;
    }
    if (c == '&') {
      static const std::pair<std::string_view, std::string_view> refs[] = {
          {"&amp;", "&"},  {"&lt;", "<"},        {"&gt;", ">"},        {"&quot;", "\""},      {"&#39;", "'"},
          {"&apos;", "'"}, {"&nbsp;", " "},      {"&eacute;", "\xC3\xA9"}, {"&egrave;", "\xC3\xA8"},
          {"&agrave;", "\xC3\xA0"}, {"&oacute;", "\xC3\xB3"}, {"&aacute;", "\xC3\xA1"}, {"&iacute;", "\xC3\xAD"},
          {"&ntilde;", "\xC3\xB1"}, {"&ccedil;", "\xC3\xA7"}};
      bool done = false;
      for (const auto& [ref, repl] : refs)
        if (text.compare(i, ref.size(), ref) == 0) {
          out += repl;
          i += ref.size();
          done = true;
          break;
        }
      if (done) continue;
    }
    out += c;
    ++i;
  }
  return out;
}

/// The heading a line is, and the text after `Heading:` on the same line.
Section heading_of(std::string_view line, std::string_view& rest) {
  std::string_view t = trim(line);
  // Strip emphasis characters a plain-text appeal may carry around a heading.
  while (!t.empty() && (t.front() == '*' || t.front() == '#' || t.front() == '_')) t.remove_prefix(1);
  if (t.size() > 200) t = t.substr(0, 200);
  const std::size_t colon = t.find(':');
  const std::string_view head = colon == std::string_view::npos ? t : t.substr(0, colon);
  const std::string folded = detail::fold(head);
  for (const Heading& h : headings) {
    if (folded == h.folded) {
      rest = colon == std::string_view::npos ? std::string_view() : trim(t.substr(colon + 1));
      while (!rest.empty() && (rest.front() == '*' || rest.front() == '_')) rest.remove_prefix(1);
      return h.section;
    }
  }
  return Section::none;
}

/// A line without its bullet or numbering.
std::string_view strip_bullet(std::string_view s) {
  s = trim(s);
  static constexpr std::string_view bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93", "\xE2\x80\x94", "-", "*", "\xC2\xB7"};
  for (std::string_view b : bullets)
    if (s.substr(0, b.size()) == b) return trim(s.substr(b.size()));
  // 1. 1) i. ii) a) a.
  std::size_t k = 0;
  while (k < s.size() && k < 5 && (std::isdigit(static_cast<unsigned char>(s[k])) || s[k] == 'i' || s[k] == 'v' ||
                                   s[k] == 'x'))
    ++k;
  if (k == 0 && s.size() > 1 && s[0] >= 'a' && s[0] <= 'z') k = 1;
  if (k > 0 && k < s.size() && (s[k] == '.' || s[k] == ')') && k + 1 < s.size() && s[k + 1] == ' ')
    return trim(s.substr(k + 1));
  return s;
}

std::vector<std::string_view> split_lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i <= s.size()) {
    std::size_t j = s.find('\n', i);
    if (j == std::string_view::npos) j = s.size();
    out.push_back(s.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

Addressee addressee_from(const std::vector<std::string_view>& block) {
  Addressee a;
  bool first = true;
  for (std::string_view raw : block) {
    std::string_view line = strip_bullet(raw);
    if (line.empty()) continue;
    struct Field {
      std::string_view prefix;
      std::string Addressee::*field;
    };
    static const Field fields[] = {
        {"e-mail", &Addressee::email},   {"email", &Addressee::email},   {"courriel", &Addressee::email},
        {"correo", &Addressee::email},   {"fax", &Addressee::fax},       {"tel", &Addressee::phone},
        {"phone", &Addressee::phone},    {"t\xC3\xA9l", &Addressee::phone}, {"tel\xC3\xA9", &Addressee::phone},
    };
    bool matched = false;
    for (const Field& f : fields) {
      if (!starts_with_ci(line, f.prefix)) continue;
      std::size_t k = line.find(':');
      if (k == std::string_view::npos || k > 24) continue;
      a.*(f.field) = std::string(trim(line.substr(k + 1)));
      matched = true;
      break;
    }
    if (matched) continue;
    if (first) {
      const std::size_t comma = line.find(',');
      a.name = std::string(trim(line.substr(0, comma)));
      if (comma != std::string_view::npos) a.title = std::string(trim(line.substr(comma + 1)));
      first = false;
    } else {
      if (!a.address.empty()) a.address += '\n';
      a.address += std::string(line);
    }
  }
  return a;
}

bool is_upper_start(std::string_view w) {
  if (w.empty()) return false;
  const auto c = static_cast<unsigned char>(w[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Latin-1 capitals (À..Þ) in UTF-8.
  return c == 0xC3 && w.size() > 1 && static_cast<unsigned char>(w[1]) >= 0x80 &&
         static_cast<unsigned char>(w[1]) <= 0x9E;
}

std::vector<Victim> victims_from(std::string_view text) {
  static constexpr std::string_view titles[] = {"Mr.", "Mrs.", "Ms.", "Mr", "Mrs", "Ms", "M.", "Mme", "Mlle",
                                                "Sr.", "Sra.", "Srta.", "Dr."};
  std::vector<Victim> out;
  std::size_t i = 0;
  while (i < text.size()) {
    // At a word start.
    if (i > 0 && std::isalnum(static_cast<unsigned char>(text[i - 1]))) {
      ++i;
      continue;
    }
    std::string_view title;
    for (std::string_view t : titles)
      if (text.compare(i, t.size(), t) == 0 && i + t.size() < text.size() && text[i + t.size()] == ' ') {
        title = t;
        break;
      }
    if (title.empty()) {
      ++i;
      continue;
    }
    std::size_t j = i + title.size() + 1;
    std::string name;
    int words = 0;
    while (j < text.size() && words < 5) {
      std::size_t end = j;
      while (end < text.size() && text[end] != ' ' && text[end] != ',' && text[end] != '.' && text[end] != ';' &&
             text[end] != ')' && text[end] != '\n' && text[end] != ':')
        ++end;
      const std::string_view word = text.substr(j, end - j);
      const bool particle = word == "de" || word == "del" || word == "da" || word == "van" || word == "von" ||
                            word == "Ould" || word == "ben" || word == "bin" || word == "al";
      if (word.empty() || (!is_upper_start(word) && !(particle && words > 0))) break;
      if (!name.empty()) name += ' ';
      name += std::string(word);
      ++words;
      j = end;
      if (j < text.size() && text[j] == ' ') ++j;
      else break;
    }
    while (!name.empty() && (name.size() >= 3 && (name.compare(name.size() - 3, 3, " de") == 0))) name.resize(name.size() - 3);
    if (!name.empty()) {
      bool known = false;
      for (Victim& v : out) {
        if (v.name == name || (v.name.size() > name.size() && v.name.compare(v.name.size() - name.size(), name.size(), name) == 0 &&
                               v.name[v.name.size() - name.size() - 1] == ' ')) {
          known = true;
          break;
        }
      }
      if (!known) {
        Victim v;
        v.name = std::move(name);
        out.push_back(std::move(v));
      }
    }
    i = j > i ? j : i + 1;
  }
  return out;
}

// The first words of the headings (`may_have_headings`), and those that may
// go on with a non-ASCII letter.
constexpr std::string_view heading_first_words[] = {"actions", "action", "acciones", "addresses", "adresses",
                                                    "direcciones", "please", "brief", "description", "rappel",
                                                    "breve", "descripcion", "accion"};
constexpr std::string_view heading_accented_prefixes[] = {"acci", "descripci", "br"};  // acción, descripción, brève

// By the first letter of a word (its low five bits), a bit for each second
// letter (its low five bits) with which some first word above begins.
constexpr std::array<std::uint32_t, 32> heading_letter_pairs = [] {
  std::array<std::uint32_t, 32> t{};
  for (std::string_view w : heading_first_words) t[static_cast<unsigned char>(w[0]) & 31u] |= 1u << (static_cast<unsigned char>(w[1]) & 31u);
  for (std::string_view w : heading_accented_prefixes)
    t[static_cast<unsigned char>(w[0]) & 31u] |= 1u << (static_cast<unsigned char>(w[1]) & 31u);
  return t;
}();

/// Whether the ASCII byte `c` is a letter: (c | 0x20) is then 'a'..'z' (never for bytes >= 0x80).
constexpr bool ascii_letter(char c) noexcept {
  return static_cast<unsigned char>((static_cast<unsigned char>(c) | 0x20u) - 'a') < 26u;
}

/// Does a heading word start at `text[i]` (after spaces and emphasis)?
bool starts_heading(std::string_view text, std::size_t i) noexcept {
  const std::size_t n = text.size();
  std::size_t j = i;
  while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '*' || text[j] == '#' || text[j] == '_')) ++j;
  // Every word looked for has two letters at least: most lines are turned away
  // here by their first two (one bit test), before any word is read.
  if (j + 1 >= n || !ascii_letter(text[j]) || !ascii_letter(text[j + 1])) return false;
  if (!((heading_letter_pairs[static_cast<unsigned char>(text[j]) & 31u] >> (static_cast<unsigned char>(text[j + 1]) & 31u)) & 1u))
    return false;
  char word[16];
  std::size_t len = 0;
  while (j < n && len < sizeof word) {
    char c = text[j];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c < 'a' || c > 'z') break;
    word[len++] = c;
    ++j;
  }
  if (len < 2 || len == sizeof word) return false;
  const std::string_view w(word, len);
  const bool accented = j < n && (static_cast<unsigned char>(text[j]) & 0x80) != 0;
  for (std::string_view a : heading_first_words)
    if (w == a) return true;
  if (accented)
    for (std::string_view a : heading_accented_prefixes)
      if (w == a) return true;
  return false;
}

}  // namespace

bool detail::may_have_headings(std::string_view text) noexcept {
  const std::size_t n = text.size();
  if (n == 0) return false;
  if (starts_heading(text, 0)) return true;
  // Only the starts of lines and elements are examined: found with memchr, not byte by byte.
  const char* const p = text.data();
  const char* nl = static_cast<const char*>(std::memchr(p, '\n', n));
  const char* gt = static_cast<const char*>(std::memchr(p, '>', n));
  while (nl || gt) {
    const bool newline = nl && (!gt || nl < gt);
    const char* at = newline ? nl : gt;
    const std::size_t next = static_cast<std::size_t>(at - p) + 1;
    if (next < n && starts_heading(text, next)) return true;
    const void* again = next < n ? std::memchr(p + next, newline ? '\n' : '>', n - next) : nullptr;
    (newline ? nl : gt) = static_cast<const char*>(again);
  }
  return false;
}

InterventionText parse_intervention_text(std::string_view text) {
  InterventionText out;
  if (!detail::may_have_headings(text)) {
    out.missing = {"situation", "requested actions", "addressees", "victims"};
    return out;
  }
  const std::string plain = to_plain_lines(text);
  const std::vector<std::string_view> lines = split_lines(plain);
  Section current = Section::none;
  std::vector<std::string_view> situation, actions, addresses;
  bool seen_situation = false, seen_actions = false, seen_addresses = false;
  for (std::string_view line : lines) {
    std::string_view rest;
    const Section s = heading_of(line, rest);
    if (s != Section::none) {
      current = s;
      seen_situation = seen_situation || s == Section::situation;
      seen_actions = seen_actions || s == Section::actions;
      seen_addresses = seen_addresses || s == Section::addresses;
      if (!rest.empty()) line = rest;
      else continue;
    }
    switch (current) {
      case Section::situation: situation.push_back(line); break;
      case Section::actions: actions.push_back(line); break;
      case Section::addresses: addresses.push_back(line); break;
      case Section::none: break;
    }
  }
  // Situation: paragraphs joined by an empty line, lines by a space.
  {
    std::string para;
    for (std::string_view line : situation) {
      line = trim(line);
      if (line.empty()) {
        if (!para.empty()) {
          if (!out.situation.empty()) out.situation += "\n\n";
          out.situation += para;
          para.clear();
        }
        continue;
      }
      if (!para.empty()) para += ' ';
      para += std::string(line);
    }
    if (!para.empty()) {
      if (!out.situation.empty()) out.situation += "\n\n";
      out.situation += para;
    }
  }
  for (std::string_view line : actions) {
    const std::string_view a = strip_bullet(line);
    if (a.empty() || a.back() == ':') continue;
    out.requested_actions.emplace_back(a);
  }
  {
    std::vector<std::string_view> block;
    auto flush = [&] {
      if (block.empty()) return;
      // One line without an e-mail, fax or phone is a sentence ("Please also write to…"), not an address.
      const bool sentence = block.size() == 1;
      Addressee a = addressee_from(block);
      block.clear();
      if (sentence && a.email.empty() && a.fax.empty() && a.phone.empty()) return;
      if (!a.name.empty() || !a.address.empty() || !a.email.empty()) out.addressees.push_back(std::move(a));
    };
    for (std::string_view line : addresses) {
      if (trim(line).empty()) flush();
      else block.push_back(line);
    }
    flush();
  }
  out.victims = victims_from(out.situation);
  if (out.situation.empty()) out.missing.emplace_back(seen_situation ? "situation (empty section)" : "situation");
  if (out.requested_actions.empty())
    out.missing.emplace_back(seen_actions ? "requested actions (empty section)" : "requested actions");
  if (out.addressees.empty()) out.missing.emplace_back(seen_addresses ? "addressees (empty section)" : "addressees");
  if (out.victims.empty()) out.missing.emplace_back("victims");
  return out;
}

InterventionText apply_intervention_text(Intervention& iv) {
  if (!iv.content || iv.content->value.empty()) return {};
  InterventionText t = parse_intervention_text(iv.content->value);
  if (iv.requested_actions.empty()) iv.requested_actions = t.requested_actions;
  if (iv.addressees.empty()) iv.addressees = t.addressees;
  if (iv.victims.empty()) iv.victims = t.victims;
  if (!iv.summary && !t.situation.empty()) iv.summary = Text{t.situation, TextType::text};
  return t;
}

}  // namespace hrnews
