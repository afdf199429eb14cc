// SPDX-License-Identifier: Apache-2.0
// Language identification: script counts, then — for Latin script — small
// profiles of function words, letters and word endings, written for hrnews.
#include <hrnews/language.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <vector>

#include "fold.hpp"
#include "swar.hpp"
#include "language_detail.hpp"

namespace hrnews {
namespace {

// ---------------------------------------------------------------------------
// Latin-script profiles

enum Latin : int { EN, FR, ES, PT, DE, IT, NL, LATIN_COUNT };
constexpr std::array<std::string_view, LATIN_COUNT> latin_tags = {"en", "fr", "es", "pt", "de", "it", "nl"};

// Frequent function words, lower case, separated by spaces, then a few words
// of human-rights news. A word listed for several languages is shared between
// them in proportion to its weights (1 unless written `word:weight`), so a
// distinctive word counts 1 and `de` (French, Spanish, Portuguese, Dutch) 1/4
// for each. Single letters come from elisions (`l'`, `d'`, `qu'`) and English
// contractions (`'s`, `n't`).
constexpr std::array<const char*, LATIN_COUNT> function_words = {
    // en
    "the of and to in is that for on with as was by at are be this from or have has had an which not were been "
    "their its it will would who they we our his her he she them after against must should into over under about "
    "these those there than all also but a:0.5 s t can could may without since "
    // human-rights news
    "rights:0.6 human:0.6 defender:0.6 defenders:0.6 detention:0.6 release:0.6 released:0.6 authorities:0.6 "
    "government:0.6 arrested:0.6 trial:0.6 court:0.6 freedom:0.6 torture:0.3 prison:0.3 police:0.3",
    // fr
    "le la les des du de et un une est que qui dans pour par sur avec au aux ce cette ces sont pas ne se son sa "
    "ses leur leurs été être ont mais ou où à l d qu n c j nous vous il elle ils elles contre après depuis entre "
    "sous lors très plus sans afin ainsi aussi comme était doit doivent peut peuvent "
    "droits:0.6 homme:0.6 humains:0.6 défenseur:0.6 défenseurs:0.6 défenseure:0.6 détention:0.6 libération:0.6 "
    "autorités:0.6 gouvernement:0.6 arrestation:0.6 procès:0.6 tribunal:0.3 liberté:0.6 harcèlement:0.6 "
    "torture:0.3 prison:0.3 police:0.3",
    // es
    "el la los las de del y en que es un una por para con se su sus al lo como más pero fue son ha han sido este "
    "esta estos estas contra desde entre sobre también sin ya muy e o a no le les ante tras según hasta cuando "
    "donde había debe deben puede pueden "
    "derechos:0.6 humanos:0.6 defensor:0.6 defensores:0.6 defensora:0.6 defensoras:0.6 detención:0.6 "
    "liberación:0.6 autoridades:0.6 gobierno:0.6 tortura:0.6 arresto:0.6 prisión:0.6 juicio:0.6 tribunal:0.3 "
    "libertad:0.6 policía:0.6 hostigamiento:0.6",
    // pt
    "o a os as de do da dos das e em no na nos nas que é um uma por para com se seu sua seus suas ao à aos às "
    "pelo pela pelos pelas foi são não mais mas como também foram está ser ter tem contra sobre entre desde após "
    "até quando onde já sem deve devem pode podem "
    "direitos:0.6 humanos:0.6 defensor:0.6 defensores:0.6 detenção:0.6 libertação:0.6 autoridades:0.6 "
    "governo:0.6 tortura:0.6 prisão:0.6 julgamento:0.6 tribunal:0.3 liberdade:0.6 polícia:0.6",
    // de
    "der die das und in zu den von mit ist des:0.3 sich nicht auf für dem ein eine einer eines einem auch es an "
    "als wird werden wurde sind bei aus nach sie er wir hat haben oder über gegen zum zur dass durch im um noch "
    "nur wie was seit ohne muss müssen kann können soll "
    "rechte:0.6 menschenrechte:0.6 verteidiger:0.6 haft:0.6 freilassung:0.6 behörden:0.6 regierung:0.6 "
    "folter:0.6 festnahme:0.6 gefängnis:0.6 prozess:0.6 gericht:0.6 freiheit:0.6 polizei:0.6",
    // it
    "il lo la i gli le di del della dei delle degli e è in un una per con che non si da dal dalla sono ha hanno "
    "al alla anche come più ma nel nella essere stato contro tra fra questo questa sul sulla dopo a senza deve "
    "devono può "
    "diritti:0.6 umani:0.6 difensore:0.6 difensori:0.6 detenzione:0.6 rilascio:0.6 autorità:0.6 governo:0.6 "
    "tortura:0.6 arresto:0.6 carcere:0.6 processo:0.6 tribunale:0.6 libertà:0.6 polizia:0.6",
    // nl
    "de het een en van in is dat op te zijn voor met die niet aan er om ook als bij door naar wordt werd worden "
    "heeft hebben maar uit over tegen deze dit wij zij na tot zonder sinds moet moeten kan kunnen zal zou "
    "rechten:0.6 mensenrechten:0.6 verdediger:0.6 detentie:0.6 vrijlating:0.6 autoriteiten:0.6 regering:0.6 "
    "marteling:0.6 arrestatie:0.6 gevangenis:0.6 proces:0.6 rechtbank:0.6 vrijheid:0.6 politie:0.6",
};

// Word endings: {ending, language, weight}. Checked on words of four bytes or more.
struct Ending {
  std::string_view text;
  int lang;
  double weight;
};
constexpr Ending endings[] = {
    {"ing", EN, 0.5},    {"tion", EN, 0.15},  {"tion", FR, 0.15}, {"ness", EN, 0.6},   {"ly", EN, 0.3},
    {"ed", EN, 0.3},     {"ment", FR, 0.2},   {"ment", EN, 0.15}, {"eux", FR, 0.6},    {"aux", FR, 0.5},
    {"eurs", FR, 0.5},   {"eur", FR, 0.2},    {"ées", FR, 0.6},   {"ée", FR, 0.5},     {"ais", FR, 0.3},
    {"ait", FR, 0.4},    {"ique", FR, 0.3},   {"eau", FR, 0.5},   {"ción", ES, 1.0},   {"ciones", ES, 1.0},
    {"idad", ES, 0.7},   {"dad", ES, 0.4},    {"mente", ES, 0.25}, {"mente", PT, 0.25}, {"mente", IT, 0.25},
    {"ado", ES, 0.25},   {"ado", PT, 0.25},   {"ada", ES, 0.25},  {"ada", PT, 0.25},   {"ía", ES, 0.3},
    {"ía", PT, 0.3},     {"os", ES, 0.1},     {"os", PT, 0.1},    {"ção", PT, 1.0},    {"ções", PT, 1.0},
    {"ões", PT, 1.0},    {"dade", PT, 0.7},   {"ung", DE, 0.6},   {"keit", DE, 0.8},   {"heit", DE, 0.8},
    {"lich", DE, 0.6},   {"en", DE, 0.1},     {"en", NL, 0.1},    {"zione", IT, 1.0},  {"zioni", IT, 1.0},
    {"ità", IT, 0.8},    {"tto", IT, 0.2},    {"heid", NL, 0.8},  {"lijk", NL, 0.8},
};

// Letters outside ASCII that point to languages: {code point, language, weight}.
struct Letter {
  char32_t cp;
  int lang;
  double weight;
};
constexpr Letter letters[] = {
    {U'é', FR, 0.3},  {U'é', ES, 0.15}, {U'é', PT, 0.15}, {U'é', IT, 0.05}, {U'è', FR, 0.5},  {U'è', IT, 0.3},
    {U'ê', FR, 0.5},  {U'ê', PT, 0.4},  {U'ë', FR, 0.3},  {U'ë', NL, 0.3},  {U'à', FR, 0.4},  {U'à', PT, 0.2},
    {U'à', IT, 0.3},  {U'â', FR, 0.4},  {U'â', PT, 0.3},  {U'î', FR, 0.6},  {U'ï', FR, 0.6},  {U'ô', FR, 0.5},
    {U'ô', PT, 0.3},  {U'û', FR, 0.6},  {U'ù', FR, 0.4},  {U'ù', IT, 0.3},  {U'ç', FR, 0.4},  {U'ç', PT, 0.4},
    {U'œ', FR, 1.0},  {U'ñ', ES, 1.0},  {U'á', ES, 0.4},  {U'á', PT, 0.4},  {U'í', ES, 0.5},  {U'í', PT, 0.3},
    {U'ó', ES, 0.5},  {U'ó', PT, 0.3},  {U'ú', ES, 0.5},  {U'ú', PT, 0.3},  {U'ã', PT, 1.0},  {U'õ', PT, 1.0},
    {U'ä', DE, 0.8},  {U'ö', DE, 0.8},  {U'ü', DE, 0.8},  {U'ß', DE, 1.0},  {U'ì', IT, 0.6},  {U'ò', IT, 0.6},
    {U'¿', ES, 1.0},  {U'¡', ES, 1.0},
};

// Languages in a score: LATIN_COUNT, and a lane more that stays 0, so that a
// word's weights are added eight at a time (four SSE2 additions of two doubles,
// chosen by the compiler), each language's sum the same as one at a time.
constexpr std::size_t latin_lanes = 8;
static_assert(LATIN_COUNT <= latin_lanes, "a score has a lane for every Latin-script language");

// Function words in a small open-addressing table: word -> weight per language.
// Keys and weights are kept apart so that a miss (most words) touches one
// 16-byte key slot only.
class WordTable {
 public:
  /// Weights of a word for each language, already shared out (they add up to
  /// at most the word's largest weight): the float results of the sharing,
  /// held as doubles (exactly), 0 for the unused lanes.
  using Weights = std::array<double, latin_lanes>;

  WordTable() {
    // Shared out in float, as the weights always were; stored as doubles.
    std::vector<std::array<float, LATIN_COUNT>> given(size);
    for (int lang = 0; lang < LATIN_COUNT; ++lang) {
      const char* p = function_words[static_cast<std::size_t>(lang)];
      while (*p) {
        while (*p == ' ') ++p;
        const char* start = p;
        while (*p && *p != ' ' && *p != ':') ++p;
        const std::string_view word(start, static_cast<std::size_t>(p - start));
        float weight = 1.0f;
        if (*p == ':') {  // `0.6`: parsed by hand, whatever the C locale's decimal point
          ++p;
          float whole = 0.0f, scale = 1.0f, fraction = 0.0f;
          for (; *p >= '0' && *p <= '9'; ++p) whole = whole * 10.0f + static_cast<float>(*p - '0');
          if (*p == '.')
            for (++p; *p >= '0' && *p <= '9'; ++p) fraction += static_cast<float>(*p - '0') * (scale *= 0.1f);
          weight = whole + fraction;
        }
        if (!word.empty()) insert(word, lang, weight, given);
      }
    }
    // Share each word out between its languages.
    for (std::size_t i = 0; i < size; ++i) {
      if (lens_[i] == 0) continue;
      float sum = 0.0f, top = 0.0f;
      for (float w : given[i]) {
        sum += w;
        top = std::max(top, w);
      }
      for (std::size_t l = 0; l < LATIN_COUNT; ++l) weights_[i][l] = static_cast<double>(given[i][l] / sum * top);
    }
  }
  /// False when `word` (not empty) is certainly not listed: no listed word has its
  /// length, first and last byte (five bits of each). Most words are not listed.
  bool may_list(std::string_view word) const noexcept {
    return word.size() <= max_len && ((shapes_[word.size()][static_cast<unsigned char>(word[0]) & 31u] >>
                                       (static_cast<unsigned char>(word.back()) & 31u)) & 1u);
  }
  /// The weights of `word` (not empty, let through by `may_list`), or null
  /// when it is not listed. 16 bytes from `word.data()` must be readable (those
  /// after the word do not count).
  const Weights* find_listed(std::string_view word) const noexcept {
    const std::size_t n = word.size();
    // The word's bytes as two 8-byte numbers, the bytes after it masked off:
    // compared with a key (zero-padded) in two comparisons, in any byte order.
    std::uint64_t w0, w1, m0, m1;
    std::memcpy(&w0, word.data(), 8);
    std::memcpy(&w1, word.data() + 8, 8);
    std::memcpy(&m0, length_masks[n].data(), 8);
    std::memcpy(&m1, length_masks[n].data() + 8, 8);
    w0 &= m0;
    w1 &= m1;
    for (std::size_t i = hash(w0, w1);; i = (i + 1) & mask) {
      if (lens_[i] == 0) return nullptr;
      if (lens_[i] == n && keys_[i][0] == w0 && keys_[i][1] == w1) return &weights_[i];
    }
  }

 private:
  static constexpr std::size_t max_len = 15;
  static constexpr std::size_t size_bits = 10;
  static constexpr std::size_t size = std::size_t{1} << size_bits;  // about twice the number of words
  static constexpr std::size_t mask = size - 1;
  /// By length n (up to max_len): 16 bytes, 0xFF for the first n and 0 after.
  static constexpr std::array<std::array<unsigned char, 16>, max_len + 1> length_masks = [] {
    std::array<std::array<unsigned char, 16>, max_len + 1> t{};
    for (std::size_t n = 0; n <= max_len; ++n)
      for (std::size_t k = 0; k < n; ++k) t[n][k] = 0xFF;
    return t;
  }();
  // The word's bytes as the two 8-byte numbers find_listed compares (zero
  // after the word): its slot in two multiplications, the top bits of the
  // second product (every byte reaches them).
  static std::size_t hash(std::uint64_t k0, std::uint64_t k1) noexcept {
    return static_cast<std::size_t>(((k0 ^ (k1 * 0xC2B2AE3D27D4EB4FULL)) * 0x9E3779B97F4A7C15ULL) >> (64 - size_bits));
  }
  void insert(std::string_view word, int lang, float weight, std::vector<std::array<float, LATIN_COUNT>>& given) {
    if (word.size() > max_len) return;
    char text[16] = {};  // the word, zero-padded, as find_listed masks a word
    std::memcpy(text, word.data(), word.size());
    std::uint64_t k0, k1;
    std::memcpy(&k0, text, 8);
    std::memcpy(&k1, text + 8, 8);
    for (std::size_t i = hash(k0, k1);; i = (i + 1) & mask) {
      if (lens_[i] == 0) {
        keys_[i] = {k0, k1};
        lens_[i] = static_cast<std::uint8_t>(word.size());
        shapes_[word.size()][static_cast<unsigned char>(word[0]) & 31u] |= 1u << (static_cast<unsigned char>(word.back()) & 31u);
      } else if (lens_[i] != word.size() || keys_[i][0] != k0 || keys_[i][1] != k1) {
        continue;
      }
      given[i][static_cast<std::size_t>(lang)] = weight;
      return;
    }
  }
  std::array<std::uint8_t, size> lens_{};  // 0: an empty slot
  std::array<std::array<std::uint64_t, 2>, size> keys_{};  // the word's bytes, zero-padded to 16
  std::array<Weights, size> weights_{};
  // By length: by the first byte's low five bits, a bit for each last byte's low five bits.
  std::array<std::array<std::uint32_t, 32>, max_len + 1> shapes_{};
};

const WordTable& word_table() {
  static const WordTable table;
  return table;
}

bool ends_with(std::string_view s, std::string_view end) noexcept {
  if (s.size() < end.size()) return false;
  const char* tail = s.data() + s.size() - end.size();
  for (std::size_t k = 0; k < end.size(); ++k)
    if (tail[k] != end[k]) return false;
  return true;
}

// The endings by their last two bytes, so that a word is compared with one or two of them only.
/// The bucket of a word's ending: from its last two bytes.
constexpr std::size_t ending_key(std::string_view w) noexcept {
  return (static_cast<unsigned char>(w[w.size() - 1]) * 7u + static_cast<unsigned char>(w[w.size() - 2])) & 255u;
}

/// Whether no more than `capacity` endings share a bucket.
constexpr bool endings_fit_buckets(std::size_t capacity) {
  std::size_t count[256] = {};
  for (const Ending& e : endings)
    if (++count[ending_key(e.text)] > capacity) return false;
  return true;
}

class EndingIndex {
 public:
  EndingIndex() {
    for (std::size_t i = 0; i < std::size(endings); ++i) {
      const std::string_view text = endings[i].text;
      const std::size_t pair = pair_of(text);
      pairs_[pair / 64] |= std::uint64_t{1} << (pair % 64);
      Bucket& b = buckets_[key(text)];
      Entry& e = b.items[b.count++];  // never full (bucket_capacity)
      // The ending's last (up to) four bytes, the last one lowest, and the mask of those it has.
      const std::size_t n = std::min<std::size_t>(4, text.size());
      for (std::size_t k = 0; k < n; ++k) e.tail |= std::uint32_t{static_cast<unsigned char>(text[text.size() - 1 - k])} << (8 * k);
      e.mask = n == 4 ? ~std::uint32_t{0} : (std::uint32_t{1} << (8 * n)) - 1;
      e.longer = text.size() > 4;
      e.index = static_cast<std::uint8_t>(i);
    }
  }
  /// False when no ending has the last two bytes of `word` (at least two bytes long).
  bool may_end(std::string_view w) const noexcept {
    const std::size_t pair = pair_of(w);
    return (pairs_[pair / 64] >> (pair % 64)) & 1u;
  }
  /// The last four bytes of `word` (at least four bytes long), the last one lowest.
  static std::uint32_t tail_of(std::string_view w) noexcept {
    const std::size_t n = w.size();
    return std::uint32_t{static_cast<unsigned char>(w[n - 1])} | std::uint32_t{static_cast<unsigned char>(w[n - 2])} << 8 |
           std::uint32_t{static_cast<unsigned char>(w[n - 3])} << 16 |
           std::uint32_t{static_cast<unsigned char>(w[n - 4])} << 24;
  }
  /// Calls `f` with every ending of `word` (at least four bytes long), in the order of `endings`.
  template <class F>
  void each_ending_of(std::string_view word, F&& f) const {
    const Bucket& b = buckets_[key(word)];
    if (b.count == 0) return;
    const std::uint32_t tail = tail_of(word);
    for (std::size_t k = 0; k < b.count; ++k) {
      const Entry& e = b.items[k];
      // One masked comparison of the word's last four bytes (all of an
      // ending of up to four bytes), then the rest of a longer ending.
      if ((tail & e.mask) == e.tail && (!e.longer || ends_with(word, endings[e.index].text))) f(endings[e.index]);
    }
  }

 private:
  static constexpr std::size_t pair_of(std::string_view w) noexcept {
    return std::size_t{static_cast<unsigned char>(w[w.size() - 1])} | std::size_t{static_cast<unsigned char>(w[w.size() - 2])} << 8;
  }
  static constexpr std::size_t key(std::string_view w) noexcept { return ending_key(w); }
  /// The most endings that share a bucket (checked when compiling, below the class).
  static constexpr std::size_t bucket_capacity = 6;
  struct Entry {
    std::uint32_t tail = 0, mask = 0;  // the ending's last four bytes (or fewer) and their mask
    bool longer = false;               // more than four bytes: the rest compared too
    std::uint8_t index = 0;            // in `endings`
  };
  struct Bucket {
    std::array<Entry, bucket_capacity> items{};
    std::size_t count = 0;
  };
  std::array<Bucket, 256> buckets_{};
  std::array<std::uint64_t, 65536 / 64> pairs_{};  // bit (last byte | second last << 8): some ending ends so
};

static_assert(endings_fit_buckets(6), "every ending has a place in its bucket (EndingIndex::bucket_capacity)");

const EndingIndex& ending_index() {
  static const EndingIndex index;
  return index;
}

// ---------------------------------------------------------------------------
// Scripts

enum Script : int {
  LATIN, CYRILLIC, ARABIC, GREEK, HEBREW, ARMENIAN, GEORGIAN, DEVANAGARI, THAI, HANGUL, KANA, HAN, SCRIPT_COUNT
};

/// The script of a letter, or -1 for anything that is not a letter we count.
int script_of(char32_t cp) noexcept {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') ? LATIN : -1;
  if (cp >= 0xC0 && cp <= 0x24F) return (cp == 0xD7 || cp == 0xF7) ? -1 : LATIN;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return LATIN;
  if (cp >= 0x370 && cp <= 0x3FF) return (cp >= 0x386) ? GREEK : -1;
  if (cp >= 0x1F00 && cp <= 0x1FFF) return GREEK;
  if (cp >= 0x400 && cp <= 0x4FF) return CYRILLIC;
  if (cp >= 0x531 && cp <= 0x587) return ARMENIAN;
  if (cp >= 0x5D0 && cp <= 0x5EA) return HEBREW;
  if ((cp >= 0x620 && cp <= 0x64A) || (cp >= 0x66E && cp <= 0x6D3) || (cp >= 0x750 && cp <= 0x77F) ||
      (cp >= 0xFB50 && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF))
    return ARABIC;
  if (cp >= 0x900 && cp <= 0x97F) return DEVANAGARI;
  if (cp >= 0xE00 && cp <= 0xE7F) return THAI;
  if (cp >= 0x10A0 && cp <= 0x10FF) return GEORGIAN;
  if ((cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F))
    return HANGUL;
  if (cp >= 0x3040 && cp <= 0x30FF) return KANA;
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) return HAN;
  return -1;
}

/// Lower case of a Latin letter (ASCII, Latin-1, Latin Extended-A).
char32_t lower_latin(char32_t cp) noexcept {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) return cp + 32;
  if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14A && cp <= 0x177)) return cp | 1;
  if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E)) return (cp & 1) ? cp + 1 : cp;
  if (cp == 0x178) return 0xFF;
  return cp;
}

void append_utf8(char32_t cp, char* out, std::size_t& n) noexcept {
  if (cp < 0x80) {
    out[n++] = static_cast<char>(cp);
  } else if (cp < 0x800) {
    out[n++] = static_cast<char>(0xC0 | (cp >> 6));
    out[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out[n++] = static_cast<char>(0xE0 | (cp >> 12));
    out[n++] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[n++] = static_cast<char>(0x80 | (cp & 0x3F));
  }
}


struct Scores {
  std::array<double, latin_lanes> latin{};  // LATIN_COUNT languages, then lanes that stay 0
  std::array<std::size_t, SCRIPT_COUNT> script{};
  std::size_t uk_letters = 0;  // і ї є ґ
  std::size_t ru_letters = 0;  // ы э ё ъ
  std::size_t fa_letters = 0;  // پ چ ژ گ ک ی
  std::size_t ar_letters = 0;  // ة ي ك ى
};

// Scores one word (lower case, accents kept): the function words, the endings, `th`/`wh`.
// `listed`: whether table.may_list(w) (when false, the table is not searched).
// 16 bytes from w.data() must be readable (WordTable::find_listed).
// Inlined: a call (for about a third of the words) cost more than the registers it saved.
[[gnu::always_inline]] inline void score_listed_word(std::string_view w, Scores& s, const WordTable& table,
                                                     const EndingIndex& by_tail, bool listed) {
  if (const WordTable::Weights* weights = listed ? table.find_listed(w) : nullptr) {
#if defined(HRNEWS_SSE2)
    for (std::size_t l = 0; l < latin_lanes; l += 2)  // two lanes an addition: each the same double sum
      _mm_storeu_pd(&s.latin[l], _mm_add_pd(_mm_loadu_pd(&s.latin[l]), _mm_loadu_pd(&(*weights)[l])));
#else
    for (std::size_t l = 0; l < latin_lanes; ++l) s.latin[l] += (*weights)[l];
#endif
  }
  if (w.size() >= 4) {
    by_tail.each_ending_of(w, [&](const Ending& e) { s.latin[static_cast<std::size_t>(e.lang)] += e.weight; });
    if (w[0] == 't' && w[1] == 'h') s.latin[EN] += 0.4;
    if (w[0] == 'w' && w[1] == 'h') s.latin[EN] += 0.4;
  }
}

// `score_listed_word` (the same precondition), but most words (listed nowhere, no ending, no `th`/`wh`)
// are turned away first by two bit tests.
inline void score_word(std::string_view w, Scores& s, const WordTable& table, const EndingIndex& by_tail) {
  const std::size_t n = w.size();
  const bool listed = table.may_list(w);
  if (listed || (n >= 4 && (by_tail.may_end(w) || (w[1] == 'h' && (w[0] == 't' || w[0] == 'w')))))
    score_listed_word(w, s, table, by_tail, listed);
}

void score_letter(char32_t lower, Scores& s) {
  if (lower < 0xA0) return;
  for (const Letter& l : letters)
    if (l.cp == lower) s.latin[static_cast<std::size_t>(l.lang)] += l.weight;
}

/// Confidence of a script-based guess: the share of letters in that script,
/// times a factor that grows with their number (`weight` letters per unit of evidence).
double script_confidence(std::size_t count, std::size_t total, double weight) {
  const double share = static_cast<double>(count) / static_cast<double>(total);
  return share * (1.0 - std::exp(-static_cast<double>(count) * weight / 8.0));
}

}  // namespace

const std::vector<std::string>& identifiable_languages() {
  static const std::vector<std::string> tags = {"en", "fr", "es", "pt", "de", "it", "nl", "ru", "uk", "ar", "fa",
                                                "el", "he", "hy", "ka", "hi", "th", "ko", "ja", "zh"};
  return tags;
}

namespace {

// ASCII letters to lower case; 0 for everything else.
constexpr std::array<char, 128> ascii_lower = [] {
  std::array<char, 128> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c);
  for (int c = 'A'; c <= 'Z'; ++c) t[static_cast<std::size_t>(c)] = static_cast<char>(c - 'A' + 'a');
  return t;
}();

using detail::swar::high_bits;
using detail::swar::letter_bytes;
using detail::swar::little_endian;

#if defined(HRNEWS_SSE2)
/// How many of the 16 bytes at `p` are ASCII letters before the first other
/// byte (16 when all are). When `store` is not null, the 16 bytes with the
/// case bit set (the letters lower-cased; other bytes unused) are written there.
inline std::size_t letter_block(const char* p, char* store) noexcept {
  // A byte is a letter when (b | 0x20) - 'a' is at most 25 (unsigned).
  const __m128i case_bit = _mm_set1_epi8(0x20), a = _mm_set1_epi8('a'), top = _mm_set1_epi8(25);
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  const __m128i lowered = _mm_or_si128(x, case_bit);
  const __m128i t = _mm_sub_epi8(lowered, a);
  const auto is_letter = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(_mm_min_epu8(t, top), t)));
  if (store != nullptr) _mm_storeu_si128(reinterpret_cast<__m128i*>(store), lowered);
  return static_cast<std::size_t>(__builtin_ctz(~is_letter));
}
#endif

/// Bytes of a text copied (zero-padded) for the plain part's reading.
constexpr std::size_t max_plain_copy = 512;
constexpr std::size_t plain_padding = 16;

/// Where the plain ASCII beginning of the `n` bytes at `p` ends: the first
/// `<`, `&` or byte >= 0x80, or `n`. `p` is followed by `plain_padding` zero bytes.
std::size_t plain_ascii_end(const char* p, std::size_t n) noexcept {
#if defined(HRNEWS_SSE2)
  const __m128i lt = _mm_set1_epi8('<'), amp = _mm_set1_epi8('&');
  for (std::size_t i = 0; i < n; i += 16) {  // the zeros after the text are none of these
    const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    // The high bit of each byte: >= 0x80, or `<` or `&`.
    const auto m = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(x, _mm_or_si128(_mm_cmpeq_epi8(x, lt), _mm_cmpeq_epi8(x, amp)))));
    if (m != 0) return i + static_cast<std::size_t>(__builtin_ctz(m));
  }
  return n;
#else
  for (std::size_t i = 0; i < n; ++i) {
    const auto b = static_cast<unsigned char>(p[i]);
    if (b >= 0x80 || b == '<' || b == '&') return i;
  }
  return n;
#endif
}

/// The end of the run of ASCII letters at `p[i]` (a letter; `p` has `n`
/// bytes and `plain_padding` zero bytes after them); the run is copied
/// lower-cased to `word` as far as `cap` bytes (`word` has 16 bytes of slack
/// after them).
std::size_t letters_lowered(const char* p, std::size_t n, std::size_t i, char* word, std::size_t cap) noexcept {
  std::size_t j = i;
#if defined(HRNEWS_SSE2)
  (void)n;  // a zero byte ends every run: the padding is never read past
  for (;;) {
    const std::size_t k = letter_block(p + j, j - i <= cap ? word + (j - i) : nullptr);
    j += k;
    if (k < 16) return j;
  }
#else
  for (; j < n; ++j) {
    const auto x = static_cast<unsigned char>(p[j]);
    const char l = x < 0x80 ? ascii_lower[x] : 0;
    if (l == 0) break;
    if (j - i < cap) word[j - i] = l;
  }
  return j;
#endif
}

}  // namespace

namespace detail {

LanguageGuess identify_language_until(std::string_view text, double stop_lead, std::string_view expected,
                                      double expected_lead, WordObserver* observer, std::size_t observe_until) {
  int expected_index = -1;
  if (expected.size() == 2)  // every tag has two letters (and no two tags the same)
    for (int l = 0; l < LATIN_COUNT; ++l)
      if (expected[0] == latin_tags[static_cast<std::size_t>(l)][0] &&
          expected[1] == latin_tags[static_cast<std::size_t>(l)][1]) {
        expected_index = l;
        break;
      }
  Scores s;
  const WordTable& table = word_table();
  const EndingIndex& endings_by_tail = ending_index();
  constexpr std::size_t word_cap = 48;  // bytes of a word kept; a longer word is not scored
  char word[word_cap + 16] = {};        // 16 bytes of slack: runs of letters are copied 16 (or 8) at a time
  std::size_t len = 0;
  bool too_long = false;
  std::size_t words = 0;          // scored so far
  std::size_t other_letters = 0;  // letters of other scripts: no early stop then
  std::size_t ascii_letters = 0;  // added to the Latin count at the end
  std::size_t word_start = 0;  // where the word being read began
  bool word_ascii = true;      // and whether it has only ASCII letters
  // Words starting before observed_end go to the observer: those of ASCII letters
  // when observe_all or both filters let them through (a missing second filter lets all through).
  const std::size_t observed_end = observer ? observe_until : 0;
  const std::uint32_t* const observer_filter = observer ? observer->ascii_filter : nullptr;
  const bool observe_all = observer_filter == nullptr;
  static constexpr std::array<std::uint32_t, 32 * 32> no_shape_filter = [] {
    std::array<std::uint32_t, 32 * 32> t{};
    for (std::uint32_t& v : t) v = ~std::uint32_t{0};
    return t;
  }();
  const std::uint32_t* const observer_shapes =
      observer_filter && observer->ascii_shapes ? observer->ascii_shapes : no_shape_filter.data();
  // Without a filter, one that lets every word of fewer than 32 bytes through (longer ones: observe_all).
  static constexpr std::array<std::uint32_t, 256> no_filter = [] {
    std::array<std::uint32_t, 256> t{};
    for (std::uint32_t& v : t) v = ~std::uint32_t{0};
    return t;
  }();
  const std::uint32_t* const first_filter = observe_all ? no_filter.data() : observer_filter;
  // Scores a word (lower case, `n` bytes at `w`, 16 bytes readable from `w`) that
  // starts at `at` in the text, and hands it on to the observer.
  auto take = [&](const char* w, std::size_t n, std::size_t at, bool ascii) __attribute__((always_inline)) {
    score_word(std::string_view(w, n), s, table, endings_by_tail);
    ++words;
    if (at < observed_end &&
        (!ascii ||
         (n < 32 ? ((first_filter[static_cast<unsigned char>(w[0])] >> n) & 1u) &&
                       ((observer_shapes[n * 32 + (static_cast<unsigned char>(w[0]) & 31u)] >>
                         (static_cast<unsigned char>(w[n - 1]) & 31u)) & 1u)
                 : observe_all)))
      observer->word(std::string_view(w, n), at, ascii);
  };
  auto flush = [&]() __attribute__((always_inline)) {
    if (len > 0 && !too_long) take(word, len, word_start, word_ascii);
    len = 0;
    too_long = false;
    word_ascii = true;
  };
  // Stops early once one Latin-script language leads by `stop_lead` (checked every few words).
  auto decided = [&](std::size_t at) __attribute__((always_inline)) {
    // (The words before `observe_until`, all of a title, are let through by the first test alone.)
    if (at < observe_until || other_letters != 0 || words % 3 != 0) return false;
    double top = 0.0, second = 0.0;
    int best = -1;
    for (int l = 0; l < LATIN_COUNT; ++l) {
      const double v = s.latin[static_cast<std::size_t>(l)];
      if (v > top) {
        second = top;
        top = v;
        best = l;
      } else if (v > second) {
        second = v;
      }
    }
    return best >= 0 && top - second >= (best == expected_index ? expected_lead : stop_lead);
  };

  bool stopped = false;  // decided in a plain part
  // A plain ASCII part of the text (up to the next `<`, `&` or byte >= 0x80:
  // all of most titles, and the text between the tags of a summary) needs
  // none of the cases of the loop below: its words are runs of letters, each
  // followed by a separator, read here word by word with the same flush and
  // the same decision after each. Read from `from`, where no word is being
  // read (the beginning, or right after a tag or a character reference);
  // returns where the loop below goes on: at the first word that reaches the
  // end of that part, from the word's first letter (where its state is the
  // same: no word being read), or at that end.
  // (A copy followed by zeros: the text is read 16 bytes at a time to its end.)
  // Longer texts (rare here) are read by the loop below only.
  char t[max_plain_copy + plain_padding];
  const std::size_t copied = text.size() <= max_plain_copy ? text.size() : 0;
  if (copied != 0) std::memcpy(t, text.data(), copied);
  std::memset(t + copied, 0, plain_padding);
  auto read_plain = [&](std::size_t from) __attribute__((always_inline)) {
    std::size_t i = from;
    const std::size_t plain = i + plain_ascii_end(t + i, copied - i);
    while (i < plain) {
      if (ascii_lower[static_cast<unsigned char>(t[i])] == 0) {  // a separator after no word: nothing to do
        ++i;
        continue;
      }
      const std::size_t e = letters_lowered(t, copied, i, word, word_cap);
      if (e >= plain) break;
      const std::size_t n = e - i;
      ascii_letters += n;
      i = e + 1;  // past the separator
      if (n > word_cap) continue;  // a word too long to score: no flush, no decision (as below)
      take(word, n, e - n, true);  // what flush() does with this word
      if (decided(i)) {
        stopped = true;
        break;
      }
    }
    return i;
  };
  std::size_t i = read_plain(0);
  while (!stopped && i < text.size()) {
    const char c = text[i];
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x80) {  // ASCII fast path: a run of letters at once
      if (ascii_lower[b] != 0) {
        // Eight bytes at a time where the text allows, copied lower-cased
        // straight into `word` while it fits (the slack takes the overflow).
        std::size_t j = i;
        const std::size_t n_text = text.size();
        bool ended = false;
#if defined(HRNEWS_SSE2)
        while (j + 16 <= n_text) {  // sixteen bytes at a time
          const std::size_t at = len + (j - i);
          const std::size_t k = letter_block(text.data() + j, at <= word_cap ? word + at : nullptr);
          j += k;
          if (k < 16) {
            ended = true;
            break;
          }
        }
#endif
        if (!ended && little_endian())
          while (!ended && j + 8 <= n_text) {
            std::uint64_t x;
            std::memcpy(&x, text.data() + j, 8);
            const std::uint64_t m = letter_bytes(x);
            const std::size_t k = m == high_bits ? 8 : static_cast<std::size_t>(__builtin_ctzll(~m & high_bits)) / 8;
            const std::size_t at = len + (j - i);
            if (at + 8 <= word_cap + 8) {
              const std::uint64_t lowered = x | (m >> 2);
              std::memcpy(word + at, &lowered, 8);
            }
            j += k;
            if (k < 8) {
              ended = true;
              break;
            }
          }
        if (!ended)
          for (; j < n_text; ++j) {
            const auto x = static_cast<unsigned char>(text[j]);
            const char l = x < 0x80 ? ascii_lower[x] : 0;
            if (l == 0) break;
            const std::size_t at = len + (j - i);
            if (at < word_cap) word[at] = l;
          }
        const std::size_t n = j - i;
        ascii_letters += n;
        if (len == 0) word_start = i;
        if (len + n <= word_cap) {
          len += n;
        } else {
          too_long = true;
        }
        i = j;
        continue;
      }
      if (c == '<' && i + 1 < text.size()) {  // an HTML tag: skipped whole
        const char n = static_cast<char>(text[i + 1] | 0x20);
        if (text[i + 1] == '/' || text[i + 1] == '!' || text[i + 1] == '?' || (n >= 'a' && n <= 'z')) {
          const std::size_t close = text.find('>', i + 1);
          flush();
          if (close == std::string_view::npos) break;
          i = close + 1;
          if (decided(i)) break;
          if (copied != 0) i = read_plain(i);
          continue;
        }
      }
      if (c == '&') {  // a character reference: a separator
        std::size_t j = i + 1;
        while (j < text.size() && j - i <= 10 &&
               (text[j] == '#' || ((text[j] | 0x20) >= 'a' && (text[j] | 0x20) <= 'z') ||
                (text[j] >= '0' && text[j] <= '9')))
          ++j;
        if (j < text.size() && text[j] == ';' && j > i + 1) {
          flush();
          i = j + 1;
          if (copied != 0) i = read_plain(i);
          continue;
        }
      }
      ++i;
      const bool had_word = len > 0;
      flush();
      if (had_word && decided(i)) break;
      continue;
    }
    const char32_t cp = hrnews::detail::decode_utf8(text, i);
    const int script = script_of(cp);
    if (script < 0) {
      if (cp == U'¿' || cp == U'¡') score_letter(cp, s);
      flush();
      continue;
    }
    ++s.script[static_cast<std::size_t>(script)];
    if (script != LATIN) {
      flush();
      ++other_letters;
      switch (cp) {
        case 0x456: case 0x457: case 0x454: case 0x491: case 0x406: case 0x407: case 0x404: case 0x490:
          ++s.uk_letters; break;
        case 0x44B: case 0x44D: case 0x451: case 0x44A: case 0x42B: case 0x42D: case 0x401: case 0x42A:
          ++s.ru_letters; break;
        case 0x67E: case 0x686: case 0x698: case 0x6AF: case 0x6A9: case 0x6CC:
          ++s.fa_letters; break;
        case 0x629: case 0x64A: case 0x643: case 0x649:
          ++s.ar_letters; break;
        default: break;
      }
      continue;
    }
    const char32_t lower = lower_latin(cp);
    score_letter(lower, s);
    if (len == 0) word_start = i - (cp < 0x800 ? 2 : 3);  // i is past the code point (2 or 3 bytes here)
    word_ascii = false;
    if (len + 3 > word_cap) too_long = true;
    else append_utf8(lower, word, len);
  }
  flush();
  s.script[LATIN] += ascii_letters;

  std::size_t total = s.script[LATIN];
  int best_script = LATIN;
  if (other_letters != 0)  // else every other script counts 0
    for (int k = 1; k < SCRIPT_COUNT; ++k) {
      total += s.script[static_cast<std::size_t>(k)];
      if (s.script[static_cast<std::size_t>(k)] > s.script[static_cast<std::size_t>(best_script)]) best_script = k;
    }
  if (total == 0) return {};
  const std::size_t cjk = s.script[KANA] + s.script[HAN];
  if (best_script == HAN || best_script == KANA || cjk > s.script[static_cast<std::size_t>(best_script)]) {
    // Japanese mixes kana with Han characters; Chinese has no kana.
    return {s.script[KANA] > 0 ? "ja" : "zh", script_confidence(cjk, total, 2.0)};
  }
  const std::size_t count = s.script[static_cast<std::size_t>(best_script)];
  switch (best_script) {
    case CYRILLIC: {
      const bool uk = s.uk_letters > 0 && s.uk_letters >= s.ru_letters;
      double conf = script_confidence(count, total, 1.0);
      if (!uk && s.ru_letters == 0) conf *= 0.9;  // other Cyrillic languages look the same without these letters
      return {uk ? "uk" : "ru", conf};
    }
    case ARABIC: {
      const bool fa = s.fa_letters > s.ar_letters;
      return {fa ? "fa" : "ar", script_confidence(count, total, 1.0) * (s.fa_letters + s.ar_letters ? 1.0 : 0.9)};
    }
    case GREEK: return {"el", script_confidence(count, total, 1.0)};
    case HEBREW: return {"he", script_confidence(count, total, 1.0)};
    case ARMENIAN: return {"hy", script_confidence(count, total, 1.0)};
    case GEORGIAN: return {"ka", script_confidence(count, total, 1.0)};
    case DEVANAGARI: return {"hi", script_confidence(count, total, 1.0) * 0.9};
    case THAI: return {"th", script_confidence(count, total, 1.0)};
    case HANGUL: return {"ko", script_confidence(count, total, 2.0)};
    default: break;
  }

  // Latin script: the confidence grows with the lead of the best profile over
  // the second (in units of about one distinctive function word); no lead, no
  // confidence. Text mostly in another script lowers it.
  // In one pass: the first language with the top score, and the largest
  // score (at least 0) of the others.
  int best = EN;
  double top = s.latin[EN], second = 0.0;
  for (int l = 1; l < LATIN_COUNT; ++l) {
    const double v = s.latin[static_cast<std::size_t>(l)];
    if (v > top) {
      second = std::max(second, top);
      top = v;
      best = l;
    } else {
      second = std::max(second, v);
    }
  }
  if (top <= 0.0) return {};
  const double lead = top - second;
  if (lead <= 0.0) return {};
  const double share = static_cast<double>(count) / static_cast<double>(total);
  return {std::string(latin_tags[static_cast<std::size_t>(best)]), (1.0 - std::exp(-lead / 1.5)) * share};
}

}  // namespace detail

LanguageGuess identify_language(std::string_view text) {
  return detail::identify_language_until(text, std::numeric_limits<double>::infinity());
}

}  // namespace hrnews
