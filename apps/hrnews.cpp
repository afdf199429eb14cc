// SPDX-License-Identifier: Apache-2.0
// The `hrnews` command-line program: convert, validate, stats, taxonomy.
//
// Exit status: 0 success, 1 bad input (or output that cannot be written),
// 2 usage error. Results go to stdout (or -o), messages and diagnostics to
// stderr. Options are declared in one table per command; the parser below
// knows nothing else.

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iostream>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include <fcntl.h>     // AT_FDCWD
#if defined(__GLIBC__)
#include <malloc.h>  // mallopt
#endif
#include <stdio.h>     // renameat2 (glibc, _GNU_SOURCE)
#include <stdlib.h>    // mkstemp
#include <sys/stat.h>  // lstat, fchmod, umask
#include <unistd.h>    // isatty, readlink

#include <nlohmann/json.hpp>

#include <hrnews/builtin.hpp>
#include <hrnews/collection.hpp>
#include <hrnews/diagnostic.hpp>
#include <hrnews/error.hpp>
#include <hrnews/io.hpp>
#include <hrnews/json.hpp>
#include <hrnews/jsonl.hpp>
#include <hrnews/options.hpp>
#include <hrnews/relate.hpp>
#include <hrnews/splice.hpp>
#include <hrnews/stats.hpp>
#include <hrnews/taxonomy.hpp>
#include <hrnews/version.hpp>

#include "schedule.hpp"

namespace {

constexpr int exit_ok = 0;
constexpr int exit_bad_input = 1;
constexpr int exit_usage = 2;

/// A mistake in the command line: reported with a hint, exit status 2.
struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string in_quotes(std::string_view text) { return "\"" + std::string(text) + "\""; }

// ---------------------------------------------------------------------------
// Options: one table per command, one small parser.

/// One option of a command.
struct OptionSpec {
  std::string_view name;        ///< long form, `--to`
  std::string_view short_name;  ///< short form, `-o`, or empty
  std::string_view value;       ///< name of the value (`FORMAT`), empty for a flag
  std::string_view help;        ///< one line
};

/// What the parser found: option values by long name (flags hold "") and the rest.
struct Args {
  std::map<std::string, std::string, std::less<>> options;
  std::vector<std::string> positional;

  bool has(std::string_view name) const { return options.find(name) != options.end(); }
  std::string get(std::string_view name, std::string fallback = {}) const {
    const auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
  }
};

/// Options every command accepts.
const std::vector<OptionSpec>& global_options() {
  static const std::vector<OptionSpec> specs = {
      {"--help", "-h", "", "show this help"},
      {"--version", "", "", "show the version"},
      {"--diagnostics", "", "FORMAT", "diagnostics on stderr as text (default) or json (one object per line)"},
  };
  return specs;
}

const OptionSpec* find_option(const std::vector<OptionSpec>& specs, std::string_view arg) {
  for (const auto& spec : specs) {
    if (spec.name == arg || (!spec.short_name.empty() && spec.short_name == arg)) return &spec;
  }
  for (const auto& spec : global_options()) {
    if (spec.name == arg || (!spec.short_name.empty() && spec.short_name == arg)) return &spec;
  }
  return nullptr;
}

/// Parses `args` against `specs` (plus the global options). `--name=value` and
/// `--name value` both work; `--` ends the options; `-` is an operand (stdin).
/// With `stop_at_operand`, parsing stops at the first operand (the command name).
Args parse_args(const std::vector<OptionSpec>& specs, const std::vector<std::string>& args,
                std::size_t& i, bool stop_at_operand) {
  Args out;
  bool operands_only = false;
  for (; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (operands_only || arg == "-" || arg.size() < 2 || arg[0] != '-') {
      if (stop_at_operand) return out;
      out.positional.push_back(arg);
      continue;
    }
    if (arg == "--") {
      operands_only = true;
      continue;
    }
    std::string name = arg;
    std::optional<std::string> inline_value;
    if (arg.compare(0, 2, "--") == 0) {
      const auto eq = arg.find('=');
      if (eq != std::string::npos) {
        name = arg.substr(0, eq);
        inline_value = arg.substr(eq + 1);
      }
    }
    const OptionSpec* spec = find_option(specs, name);
    if (!spec) throw UsageError("unknown option " + in_quotes(name));
    std::string value;
    if (!spec->value.empty()) {
      if (inline_value) {
        value = *inline_value;
      } else if (i + 1 < args.size()) {
        value = args[++i];
      } else {
        throw UsageError("option " + std::string(spec->name) + " needs a value (" + std::string(spec->value) + ")");
      }
    } else if (inline_value) {
      throw UsageError("option " + std::string(spec->name) + " takes no value");
    }
    if (!out.options.emplace(std::string(spec->name), std::move(value)).second) {
      throw UsageError("option " + std::string(spec->name) + " is given more than once");
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Context shared by the commands: how to report.

enum class DiagnosticsFormat { text, json };

struct Context {
  DiagnosticsFormat diagnostics = DiagnosticsFormat::text;
};

/// `FILE:LINE:COL: error: FORMAT: [PATH: ]MESSAGE`, parts that are unknown left out.
std::string format_parse_error(const hrnews::ParseError& e, const std::string& fallback_file) {
  std::string out = !e.file().empty() ? e.file() : !fallback_file.empty() ? fallback_file : "<input>";
  if (e.line() != 0) {
    out += ':' + std::to_string(e.line());
    if (e.column() != 0) out += ':' + std::to_string(e.column());
  }
  out += ": error: ";
  if (!e.format().empty()) out += e.format() + ": ";
  if (!e.path().empty()) out += e.path() + ": ";
  out += e.message();
  return out;
}

using Json = nlohmann::ordered_json;

void print_json_line(const Json& j) {
  std::cerr << j.dump(-1, ' ', false, Json::error_handler_t::replace) << '\n';
}

/// Prints one diagnostic of `file` on stderr, as text or as a JSON line.
void report_diagnostic(const Context& ctx, const std::string& file, const hrnews::Diagnostic& d) {
  if (ctx.diagnostics == DiagnosticsFormat::text) {
    std::cerr << hrnews::format_diagnostic(d, file) << '\n';
    return;
  }
  Json j;
  j["file"] = file;
  j["severity"] = std::string(hrnews::to_string(d.severity));
  if (!d.code.empty()) j["code"] = d.code;
  j["message"] = d.message;
  if (d.line) j["line"] = *d.line;
  if (d.column) j["column"] = *d.column;
  if (!d.path.empty()) j["path"] = d.path;
  print_json_line(j);
}

void report_diagnostics(const Context& ctx, const std::string& file,
                        const std::vector<hrnews::Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) report_diagnostic(ctx, file, d);
}

void report_parse_error(const Context& ctx, const hrnews::ParseError& e, const std::string& file) {
  if (ctx.diagnostics == DiagnosticsFormat::text) {
    std::cerr << format_parse_error(e, file) << '\n';
    return;
  }
  Json j;
  j["file"] = !e.file().empty() ? e.file() : file;
  j["severity"] = "error";
  j["code"] = "parse-error";
  if (!e.format().empty()) j["format"] = e.format();
  j["message"] = e.message();
  if (e.line() != 0) j["line"] = e.line();
  if (e.column() != 0) j["column"] = e.column();
  if (e.offset()) j["offset"] = *e.offset();
  if (!e.path().empty()) j["path"] = e.path();
  print_json_line(j);
}

/// An error that is not about the content: a file that cannot be opened or written.
void report_file_error(const Context& ctx, const std::string& file, const std::string& message) {
  if (ctx.diagnostics == DiagnosticsFormat::text) {
    std::cerr << file << ": error: " << message << '\n';
    return;
  }
  Json j;
  j["file"] = file;
  j["severity"] = "error";
  j["code"] = "io-error";
  j["message"] = message;
  print_json_line(j);
}

// ---------------------------------------------------------------------------
// Formats

std::string format_list(bool readable) {
  std::string out;
  for (const auto& f : hrnews::formats()) {
    if (readable ? !f.can_read : !f.can_write) continue;
    if (!out.empty()) out += ", ";
    out += f.id;
  }
  return out;
}

void check_format(const std::string& id, bool readable) {
  for (const auto& f : hrnews::formats()) {
    if (f.id == id && (readable ? f.can_read : f.can_write)) return;
  }
  throw UsageError(std::string(readable ? "cannot read" : "cannot write") + " format " + in_quotes(id) +
                   " (available: " + format_list(readable) + ")");
}

/// Binary formats are written as they are; text gets a final line break.
bool is_text_format(std::string_view id) { return id.rfind("boost-binary", 0) != 0; }

// ---------------------------------------------------------------------------
// Reading inputs, in parallel when asked, keeping their order.

std::string display_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

std::string read_stdin() {
  std::string data;
  char buffer[65536];
  for (;;) {
    const std::size_t n = std::fread(buffer, 1, sizeof buffer, stdin);
    data.append(buffer, n);
    if (n < sizeof buffer) break;
  }
  if (std::ferror(stdin)) {
    throw std::system_error(errno != 0 ? errno : EIO, std::generic_category(), "cannot read <stdin>");
  }
  return data;
}

/// One input after reading: a collection, or what went wrong.
struct Loaded {
  std::string name;                               ///< for messages
  std::optional<hrnews::Collection> collection;   ///< when it could be read
  std::optional<hrnews::ParseError> parse_error;  ///< bad content
  std::string file_error;                         ///< could not be opened or read
  // What a worker made of the collection, so that its items can be freed there:
  std::size_t items = 0;                          ///< number of items read
  std::string piece;                              ///< convert: the items written apart
  hrnews::Stats stats;                            ///< stats: the counts
};

Loaded load(const std::string& path, const std::string& from, const hrnews::ReadOptions& base) {
  Loaded out;
  out.name = display_name(path);
  hrnews::ReadOptions options = base;
  options.file_name = out.name;
  try {
    if (path == "-") {
      out.collection = hrnews::read(read_stdin(), from, options);
    } else {
      out.collection = hrnews::read_file(path, from, options);
    }
  } catch (const hrnews::ParseError& e) {
    out.parse_error = e;
  } catch (const std::system_error& e) {
    out.file_error = "cannot read file: " + e.code().message();
  } catch (const std::bad_alloc&) {
    out.file_error = "out of memory";
  } catch (const std::exception& e) {
    out.file_error = e.what();
  }
  return out;
}

/// Runs `work(i)` for every input on up to `jobs` threads and hands each
/// result to `take(i, result)` on the calling thread, in input order. At most
/// 2 x `jobs` inputs are in flight (being worked on or waiting to be taken),
/// so memory stays bounded however many inputs there are. A free thread
/// starts the largest (by file size) of the next `jobs` inputs not started,
/// and once the window reaches the last input the largest one left (see
/// `next_input`).
/// `work` must not throw; `take` may (the threads are stopped and joined first).
/// With several threads, the calling thread runs `meanwhile()` (which must not
/// throw) once they are started, before it takes the first result.
/// Shows progress on a terminal when there are several inputs.
template <class Result, class Work, class Take, class Meanwhile>
void pipeline(const std::vector<std::string>& paths, std::size_t jobs, Work work, Take take, Meanwhile meanwhile) {
  const std::size_t count = paths.size();
  const bool progress = count > 1 && ::isatty(STDERR_FILENO) == 1;
  bool shown = false;  // a progress line is on the terminal
  const auto show = [&](std::size_t done) {
    if (!progress) return;
    std::fprintf(stderr, "\r\033[Kreading %zu/%zu: %s", done, count, display_name(paths[done - 1]).c_str());
    std::fflush(stderr);
    shown = true;
  };
  const auto clear = [&] {
    if (!shown) return;
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    shown = false;
  };
  jobs = std::max<std::size_t>(1, std::min(jobs, count));
  if (jobs == 1) {
    for (std::size_t i = 0; i < count; ++i) {
      Result r = work(i);
      clear();
      take(i, std::move(r));
      show(i + 1);
    }
    clear();
    return;
  }
  const std::size_t window = 2 * jobs;
  std::vector<std::uintmax_t> sizes(count, 0);  // 0: unknown (stdin, missing file)
  for (std::size_t i = 0; i < count; ++i) {
    std::error_code ec;
    if (paths[i] != "-") sizes[i] = std::filesystem::file_size(paths[i], ec);
    if (ec) sizes[i] = 0;
  }
  std::vector<std::optional<Result>> slots(count);
  std::vector<char> started(count, 0);
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t first = 0;  // no input before this one is left to start
  std::size_t taken = 0;  // inputs handed to `take`
  bool stop = false;
  // The input to start next (see next_input); count when none.
  const auto pick = [&] { return hrnews::cli::next_input(started, sizes, first, taken, window, jobs); };
  const auto worker = [&]() noexcept {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock<std::mutex> lock(mutex);
        changed.wait(lock, [&] { return stop || first >= count || pick() < count; });
        if (stop || first >= count) return;
        i = pick();
        started[i] = 1;
      }
      Result r = work(i);
      {
        const std::lock_guard<std::mutex> lock(mutex);
        slots[i].emplace(std::move(r));
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> threads;
  struct Joiner {  // stops and joins the threads however this function is left
    std::vector<std::thread>& threads;
    std::mutex& mutex;
    std::condition_variable& changed;
    bool& stop;
    ~Joiner() {
      {
        const std::lock_guard<std::mutex> lock(mutex);
        stop = true;
      }
      changed.notify_all();
      for (auto& thread : threads) thread.join();
    }
  } joiner{threads, mutex, changed, stop};
  threads.reserve(jobs);
  for (std::size_t t = 0; t < jobs; ++t) threads.emplace_back(worker);
  meanwhile();
  for (std::size_t i = 0; i < count; ++i) {
    std::optional<Result> r;
    {
      std::unique_lock<std::mutex> lock(mutex);
      changed.wait(lock, [&] { return slots[i].has_value(); });
      r.swap(slots[i]);
      ++taken;
    }
    changed.notify_all();
    clear();
    take(i, std::move(*r));
    show(i + 1);
  }
  clear();
}

/// The format of the regular file `path` as told by its first bytes; empty for
/// stdin (`-`), a named pipe, a device or a file that cannot be read. Only a
/// regular file is looked into: reading the head of a pipe would take those
/// bytes from the reader that comes after.
std::string sniff_regular_file(const std::string& path) {
  std::error_code ec;
  if (path == "-" || !std::filesystem::is_regular_file(path, ec)) return {};
  std::ifstream in(path, std::ios::binary);
  std::string head(8192, '\0');
  in.read(&head[0], static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<std::size_t>(in.gcount()));
  return head.empty() ? std::string() : hrnews::detect_format(head);
}

/// The built-in taxonomy, built on the calling thread (the main one, while the
/// workers read their first inputs) when the first input is in a format whose
/// reading classifies its items: otherwise the first worker to classify builds
/// it (some 15 million instructions) while the others wait for it. Only a
/// regular file is looked into (reading a pipe would take bytes from its reader).
void build_taxonomy_meanwhile(const std::vector<std::string>& paths, const std::string& from) noexcept {
  try {
    std::string format = from;
    if (format.empty() && !paths.empty()) format = sniff_regular_file(paths.front());
    if (format.empty() || format == "json" || format == "jsonl") return;  // read without classifying
    (void)hrnews::builtin_taxonomy();
  } catch (...) {  // a worker that needs it builds it and reports what fails
  }
}

/// Reports why `l` could not be read; false when it could not.
bool report_failure(const Context& ctx, const Loaded& l) {
  if (l.parse_error) {
    report_parse_error(ctx, *l.parse_error, l.name);
  } else if (!l.collection) {
    report_file_error(ctx, l.name, l.file_error);
  }
  return l.collection.has_value();
}

/// Frees the items of `c` (in the calling thread, a worker).
void drop_items(hrnews::Collection& c) { std::vector<hrnews::Item>().swap(c.items); }

/// Merges `c` into `out` as the inputs are merged in order: the first one's
/// feed and top-level members, everybody's items, campaigns and diagnostics,
/// and each scheme once (by id).
void merge_into(hrnews::Collection& out, hrnews::Collection&& c, bool first) {
  if (first) {
    out = std::move(c);
    return;
  }
  std::move(c.items.begin(), c.items.end(), std::back_inserter(out.items));
  std::move(c.campaigns.begin(), c.campaigns.end(), std::back_inserter(out.campaigns));
  for (auto& scheme : c.schemes) {
    const bool known = std::any_of(out.schemes.begin(), out.schemes.end(),
                                   [&](const hrnews::Scheme& s) { return s.id == scheme.id; });
    if (!known) out.schemes.push_back(std::move(scheme));
  }
  std::move(c.diagnostics.begin(), c.diagnostics.end(), std::back_inserter(out.diagnostics));
  out.extensions.insert(c.extensions.begin(), c.extensions.end());
}

std::size_t parse_jobs(const Args& args) {
  if (!args.has("--jobs")) return 1;
  const std::string text = args.get("--jobs");
  std::size_t n = 0;
  const bool digits = !text.empty() && text.size() <= 4 &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) n = std::stoul(text);
  if (!digits || n < 1 || n > 1024) {
    throw UsageError("option --jobs needs a number from 1 to 1024, not " + in_quotes(text));
  }
  return n;
}

/// Sets `limit` from the option `name` when given: a whole number of at least 1.
void read_limit(const Args& args, std::string_view name, std::size_t& limit) {
  if (!args.has(name)) return;
  const std::string text = args.get(name);
  const bool digits = !text.empty() && text.size() <= 19 &&
                      std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  const unsigned long long n = digits ? std::stoull(text) : 0;
  if (n < 1) throw UsageError("option " + std::string(name) + " needs a whole number of at least 1, not " + in_quotes(text));
  limit = static_cast<std::size_t>(n);
}

hrnews::ReadOptions read_options(const Args& args) {
  hrnews::ReadOptions options;
  options.base_url = args.get("--base");
  options.strict = args.has("--strict");
  options.sanitize_html = args.has("--sanitize-html");
  read_limit(args, "--max-input-bytes", options.limits.max_input_bytes);
  read_limit(args, "--max-depth", options.limits.max_depth);
  read_limit(args, "--max-items", options.limits.max_items);
  read_limit(args, "--max-string-bytes", options.limits.max_string_bytes);
  return options;
}

std::string input_format(const Args& args) {
  const std::string from = args.get("--from");
  if (!from.empty()) check_format(from, true);
  return from;
}

void check_stdin_once(const std::vector<std::string>& inputs) {
  if (std::count(inputs.begin(), inputs.end(), "-") > 1) {
    throw UsageError("\"-\" (the standard input) can be given only once");
  }
}

// ---------------------------------------------------------------------------
// Output

/// The file that writing to `path` really replaces: `path` itself, or for a
/// symbolic link the file at the end of its chain (a relative target counts
/// from the link's folder; the target need not exist yet), so that the link
/// stays a link. Empty, with errno ELOOP, after 40 links.
std::string resolve_output_path(const std::string& path) {
  std::string at = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(at.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return at;
    std::string target(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 1, '\0');
    const ssize_t n = ::readlink(at.c_str(), &target[0], target.size());
    if (n < 0) return at;
    target.resize(static_cast<std::size_t>(n));
    if (target.empty() || target.front() != '/') {
      const auto slash = at.rfind('/');
      if (slash != std::string::npos) target = at.substr(0, slash + 1) + target;
    }
    at = target;
  }
  errno = ELOOP;
  return {};
}

/// Creates a new, empty file named `target` + `.XXXXXX` (six random
/// characters) in the folder of `target`, with the permissions a new file gets
/// (0666 less the umask); its name, or empty with errno set. Open it to
/// append (`std::ios::app`), not to truncate: on ext4 truncating a file, even
/// an empty one, makes its close start writing it to disk (auto_da_alloc),
/// which then also slows down the unlink of the file it replaces next time.
std::string make_temp_next_to(const std::string& target) {
  static const mode_t umask_bits = [] {  // first called before any thread starts
    const mode_t m = ::umask(0);
    ::umask(m);
    return m;
  }();
  std::string name = target + ".XXXXXX";
  const int fd = ::mkstemp(&name[0]);
  if (fd < 0) return {};
  if (::fchmod(fd, 0666 & ~umask_bits) != 0) {
    const int error = errno;
    ::close(fd);
    ::unlink(name.c_str());
    errno = error;
    return {};
  }
  ::close(fd);
  return name;
}

/// Puts the finished file `temp` in the place of `target`; 0, or the errno of
/// the failure. An existing regular file is swapped with `temp` in one step
/// (RENAME_EXCHANGE) and then unlinked under the temporary name: unlike a
/// rename over it, this does not make ext4 start writing the new file to disk
/// there and then (its "auto_da_alloc" for replaced files), which made the
/// whole command wait tens of milliseconds for a large output. Elsewhere (no
/// file yet, or a file system without the exchange) a plain rename.
int replace_file(const std::string& temp, const std::string& target) {
#if defined(__linux__) && defined(RENAME_EXCHANGE)
  struct stat st {};
  if (::lstat(target.c_str(), &st) == 0 && S_ISREG(st.st_mode) &&
      ::renameat2(AT_FDCWD, temp.c_str(), AT_FDCWD, target.c_str(), RENAME_EXCHANGE) == 0) {
    ::unlink(temp.c_str());  // the replaced file, now under the temporary name
    return 0;
  }
#endif
  return std::rename(temp.c_str(), target.c_str()) == 0 ? 0 : errno;
}

/// Writes `data` to stdout (`-` or empty) or to the file `out`; false after reporting a failure.
bool write_output(const Context& ctx, const std::string& out, const std::string& data) {
  if (out.empty() || out == "-") {
    std::cout.write(data.data(), static_cast<std::streamsize>(data.size()));
    std::cout.flush();
    if (!std::cout) {
      report_file_error(ctx, "<stdout>", "cannot write");
      return false;
    }
    return true;
  }
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(out.c_str(), "wb"), &std::fclose);
  if (!file) {
    report_file_error(ctx, out, std::string("cannot write file: ") + std::strerror(errno));
    return false;
  }
  const bool written = std::fwrite(data.data(), 1, data.size(), file.get()) == data.size() &&
                       std::fflush(file.get()) == 0;
  if (!written) {
    report_file_error(ctx, out, std::string("cannot write file: ") + std::strerror(errno));
    return false;
  }
  return true;
}

/// Collects output in memory, in blocks, so that what was written is never copied again.
class SpoolBuffer : public std::streambuf {
 public:
  std::vector<std::string> blocks;  ///< the output, in order

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    append(s, static_cast<std::size_t>(n));
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      const char ch = traits_type::to_char_type(c);
      append(&ch, 1);
    }
    return traits_type::not_eof(c);
  }

 private:
  void append(const char* s, std::size_t n) {
    constexpr std::size_t block_size = std::size_t{1} << 20;
    if (blocks.empty() || blocks.back().size() + n > blocks.back().capacity()) {
      blocks.emplace_back();
      blocks.back().reserve(std::max(block_size, n));
    }
    blocks.back().append(s, n);
  }
};

/// Where `convert` writes, as the output is made. A regular file (or a new
/// one) is written to a new temporary file next to it (`OUT.XXXXXX`, see
/// `make_temp_next_to`) and put in its place by `commit`; for a symbolic link,
/// next to the file it points to, which is replaced (the link stays).
/// A failing input leaves no file behind. Stdout and devices get the output
/// as it is made, input after input, so that a failing input there ends it
/// unfinished; only when `rewrites_start` (JSON Lines from several inputs,
/// whose header line gathers the top-level members of every input) is it kept
/// in memory until `commit`, and then a failing input leaves nothing.
class Output {
 public:
  Output(const Context& ctx, std::string path, bool rewrites_start) : ctx_(ctx), path_(std::move(path)) {
    to_stdout_ = path_.empty() || path_ == "-";
    bool device = false;
    if (!to_stdout_) {
      std::error_code ec;
      const auto status = std::filesystem::status(path_, ec);
      device = std::filesystem::exists(status) && !std::filesystem::is_regular_file(status);
    }
    mode_ = !to_stdout_ && !device ? Mode::part : rewrites_start ? Mode::spool : Mode::direct;
  }

  /// True when what is written goes on to stdout or a device at once (a file
  /// output is only complete at `commit`; a spool waits for it).
  bool streams() const { return mode_ == Mode::direct; }

  /// True when the output cannot be opened (tried on first call); `commit`
  /// then reports why.
  bool failed() {
    if (!opened_) open();
    return !open_error_.empty();
  }
  ~Output() { discard(); }
  Output(const Output&) = delete;
  Output& operator=(const Output&) = delete;

  /// The stream to write to, opened on first use. When it cannot be opened,
  /// a stream that takes nothing; `commit` reports why.
  std::ostream& stream() {
    if (!opened_) open();
    return *stream_;
  }

  /// Replaces the first `old_size` bytes written by `text` (a JSON Lines
  /// header that grew when a later input added top-level members).
  void replace_start(std::size_t old_size, const std::string& text) {
    if (mode_ == Mode::spool) {
      std::string& first = spool_.blocks.front();
      first = text + first.substr(old_size);
      return;
    }
    if (mode_ != Mode::part || !file_.is_open()) return;  // direct: one input, nothing grows
    file_.close();
    const std::string copy = make_temp_next_to(temp());
    if (copy.empty()) {
      open_error_ = std::strerror(errno != 0 ? errno : EIO);
      return;
    }
    {
      std::ifstream in(temp(), std::ios::binary);
      std::ofstream out(copy, std::ios::binary | std::ios::app);  // new and empty: see `make_temp_next_to`
      in.seekg(static_cast<std::streamoff>(old_size));
      out.write(text.data(), static_cast<std::streamsize>(text.size()));
      if (in && in.peek() != std::ifstream::traits_type::eof()) out << in.rdbuf();
      out.flush();
      if (!in || !out) open_error_ = std::strerror(errno != 0 ? errno : EIO);
    }
    if (open_error_.empty() && std::rename(copy.c_str(), temp().c_str()) != 0) open_error_ = std::strerror(errno);
    std::remove(copy.c_str());
  }

  /// Puts the output in place; false after reporting a failure.
  bool commit() {
    if (!opened_) open();
    const std::string shown = to_stdout_ ? "<stdout>" : path_;
    if (!open_error_.empty()) {
      report_file_error(ctx_, path_, "cannot write file: " + open_error_);
      discard();
      return false;
    }
    switch (mode_) {
      case Mode::direct:
        if (to_stdout_) {
          std::cout.flush();
          if (!std::cout) return fail("<stdout>", "cannot write");
          return true;
        }
        file_.flush();
        if (!file_) return fail(path_, std::string("cannot write file: ") + std::strerror(errno));
        file_.close();
        return true;
      case Mode::spool:
        return write_spool();
      case Mode::part:
        if (file_.is_open()) {
          file_.flush();
          if (!file_) return fail(path_, std::string("cannot write file: ") + std::strerror(errno));
          file_.close();
        }
        if (const int error = replace_file(temp(), target_)) {
          return fail(path_, std::string("cannot write file: ") + std::strerror(error));
        }
        committed_ = true;
        return true;
    }
    return true;
  }

  /// Drops what was written (a failing conversion).
  void discard() {
    spool_.blocks.clear();
    if (mode_ == Mode::part && !committed_ && !temp_.empty()) {
      if (file_.is_open()) file_.close();
      std::remove(temp().c_str());
      committed_ = true;  // nothing left to drop
    }
  }

 private:
  enum class Mode { direct, spool, part };

  const std::string& temp() const { return temp_; }

  void open() {
    opened_ = true;
    if (mode_ == Mode::spool) {
      stream_ = &spool_stream_;
      return;
    }
    if (mode_ == Mode::direct && to_stdout_) {
      stream_ = &std::cout;
      return;
    }
    errno = 0;
    if (mode_ == Mode::part) {
      target_ = resolve_output_path(path_);
      if (!target_.empty()) temp_ = make_temp_next_to(target_);
      if (temp_.empty()) {
        open_error_ = std::strerror(errno != 0 ? errno : EIO);
        stream_ = &null_stream_;
        return;
      }
    }
    file_.open(mode_ == Mode::part ? temp() : path_, std::ios::binary | (mode_ == Mode::part ? std::ios::app : std::ios::trunc));
    if (!file_) {
      open_error_ = std::strerror(errno != 0 ? errno : EIO);
      stream_ = &null_stream_;
      return;
    }
    stream_ = &file_;
  }

  bool fail(const std::string& name, const std::string& message) {
    report_file_error(ctx_, name, message);
    discard();
    return false;
  }

  bool write_spool() {
    if (to_stdout_) {
      for (const auto& block : spool_.blocks) std::cout.write(block.data(), static_cast<std::streamsize>(block.size()));
      std::cout.flush();
      spool_.blocks.clear();
      if (!std::cout) return fail("<stdout>", "cannot write");
      return true;
    }
    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path_.c_str(), "wb"), &std::fclose);
    if (!file) return fail(path_, std::string("cannot write file: ") + std::strerror(errno));
    bool written = true;
    for (const auto& block : spool_.blocks) {
      written = written && std::fwrite(block.data(), 1, block.size(), file.get()) == block.size();
    }
    written = written && std::fflush(file.get()) == 0;
    spool_.blocks.clear();
    if (!written) return fail(path_, std::string("cannot write file: ") + std::strerror(errno));
    return true;
  }

  const Context& ctx_;
  std::string path_;
  std::string target_;  // part: the file replaced (path_, or where its symbolic links lead)
  std::string temp_;    // part: the temporary file written
  bool to_stdout_ = false;
  Mode mode_ = Mode::direct;
  bool opened_ = false;
  bool committed_ = false;
  std::string open_error_;  // why the output could not be opened or rewritten
  std::ostream* stream_ = nullptr;
  std::ofstream file_;
  SpoolBuffer spool_;
  std::ostream spool_stream_{&spool_};
  std::ostream null_stream_{nullptr};
};

// ---------------------------------------------------------------------------
// Commands

/// True when the file `path` holds JSON Lines: named so by `--from`, or
/// sniffed from the first bytes of a regular file (a named pipe is read whole
/// by the general path, which keeps every byte).
bool is_jsonl_file(const std::string& path, const std::string& from) {
  if (!from.empty()) return from == "jsonl";
  return sniff_regular_file(path) == "jsonl";
}

/// Copies one JSON Lines file to JSON Lines record by record, so memory does
/// not grow with the file. A file output is written next to its target and
/// renamed into place only when the whole input was read.
int stream_jsonl(const Context& ctx, const std::string& path, const hrnews::ReadOptions& base,
                 const std::string& out_path) {
  const std::string name = display_name(path);
  hrnews::ReadOptions options = base;
  options.file_name = name;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    report_file_error(ctx, name, std::string("cannot read file: ") + std::strerror(errno));
    return exit_bad_input;
  }
  // Stdout and devices get the records as they come; a file goes through a
  // temporary that a failing input leaves behind no trace of (see `Output`).
  Output output(ctx, out_path, false);
  std::ostream& out = output.stream();
  if (output.failed()) return output.commit() ? exit_ok : exit_bad_input;  // says why, before reading
  try {
    hrnews::JsonlReader reader(in, options);
    hrnews::JsonlWriter writer(out, reader.feed(), reader.extensions());
    while (auto record = reader.next()) {
      writer.write(*record);
      // The diagnostics the input carries are reported as the whole-read path
      // reports a collection's (a named pipe, --to json, validate): on stderr,
      // in the input's order; here as they come, so memory stays constant.
      if (const auto* d = std::get_if<hrnews::Diagnostic>(&*record)) report_diagnostic(ctx, name, *d);
    }
  } catch (const hrnews::ParseError& e) {
    report_parse_error(ctx, e, name);
    return exit_bad_input;  // `output` drops its temporary file
  }
  return output.commit() ? exit_ok : exit_bad_input;
}

/// Reads the whole file `path`; throws std::runtime_error naming it when it cannot.
std::string read_whole_file(const std::string& path) {
  errno = 0;
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) throw std::runtime_error(path + ": error: cannot read file: " + std::strerror(errno));
  std::string data;
  char buffer[65536];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) data.append(buffer, n);
  return data;
}

/// `--campaigns FILE`, read before the inputs: its campaigns, or how to
/// report that FILE is unusable (said only once the inputs were read, as the
/// inputs' own errors come first).
struct CampaignsFile {
  bool given = false;                          ///< --campaigns was given
  std::vector<hrnews::Campaign> campaigns;     ///< what FILE declares
  std::function<void()> report_error;          ///< set when FILE is unusable

  bool usable() const { return given && !report_error; }
};

CampaignsFile read_campaigns_file(const Context& ctx, const Args& args) {
  CampaignsFile out;
  if (!args.has("--campaigns")) return out;
  out.given = true;
  const std::string path = args.get("--campaigns");
  try {
    out.campaigns = hrnews::read_campaigns(read_whole_file(path), path);
  } catch (const hrnews::ParseError& e) {
    const std::string message = e.message().empty() ? e.what() : std::string(e.what()).substr(path.size() + 2);
    out.report_error = [&ctx, path, message] { report_file_error(ctx, path, message); };
  } catch (const std::runtime_error& e) {
    const std::string message = e.what();
    out.report_error = [message] { std::cerr << message << '\n'; };
  }
  return out;
}

/// `load` that cannot throw: running out of memory is the input's error.
Loaded load_safely(const std::string& path, const std::string& from, const hrnews::ReadOptions& options) noexcept {
  try {
    return load(path, from, options);
  } catch (...) {  // only allocation can fail here
    Loaded l;
    l.name = display_name(path);
    l.file_error = "out of memory";
    return l;
  }
}

/// Runs `step` on the collection of `l` (in a worker); running out of memory there is the input's error.
template <class Step>
void prepare(Loaded& l, Step step) noexcept {
  if (!l.collection) return;
  try {
    step(*l.collection);
  } catch (...) {
    l.collection.reset();
    l.piece.clear();
    l.file_error = "out of memory";
  }
}

/// The diagnostics of every input, each under its name, in input order:
/// `counts` holds each input's name and number of diagnostics in `all`.
void report_all_diagnostics(const Context& ctx, const std::vector<std::pair<std::string, std::size_t>>& counts,
                            const std::vector<hrnews::Diagnostic>& all) {
  std::size_t at = 0;
  for (const auto& [name, n] : counts) {
    const std::vector<hrnews::Diagnostic> own(all.begin() + static_cast<std::ptrdiff_t>(at),
                                              all.begin() + static_cast<std::ptrdiff_t>(at + n));
    report_diagnostics(ctx, name, own);
    at += n;
  }
}

int run_convert(const Context& ctx, const Args& args) {
  if (!args.has("--to")) throw UsageError("convert needs --to FORMAT");
  const std::string to = args.get("--to");
  check_format(to, false);
  const std::string from = input_format(args);
  const std::size_t jobs = parse_jobs(args);
  std::vector<std::string> inputs = args.positional;
  if (inputs.empty()) inputs.emplace_back("-");
  check_stdin_once(inputs);

  // One JSON Lines file to JSON Lines: streamed, in constant memory (campaign
  // matching needs the whole collection, so --campaigns reads it whole).
  if (to == "jsonl" && inputs.size() == 1 && !args.has("--campaigns") && is_jsonl_file(inputs.front(), from)) {
    return stream_jsonl(ctx, inputs.front(), read_options(args), args.get("--output"));
  }

  // Each worker reads an input and, for json and jsonl with several threads,
  // already writes its items apart (then frees them); this thread joins the
  // pieces in input order, as they come. Other formats are merged whole and
  // written at the end.
  const hrnews::ReadOptions options = read_options(args);
  const CampaignsFile campaigns = read_campaigns_file(ctx, args);
  const bool splice = hrnews::can_splice(to);
  const bool apart = splice && jobs > 1 && inputs.size() > 1;
  std::atomic<bool> give_up{static_cast<bool>(campaigns.report_error)};  // no output will be made

  Output output(ctx, args.get("--output"), to == "jsonl" && inputs.size() > 1);
  hrnews::Collection merged;  // spliced: everything but the items
  std::vector<std::pair<std::string, std::size_t>> diagnostic_counts;
  std::unique_ptr<hrnews::SplicedWriter> writer;
  hrnews::Extensions first_extensions;
  bool failed = false;
  bool diagnostics_shown = false;
  // Buffers of pieces already written, for the next pieces: their memory is
  // then used again instead of being given back and faulted in anew.
  std::vector<std::string> spare_buffers;
  std::mutex spare_mutex;

  const auto work = [&](std::size_t i) noexcept {
    Loaded l = load_safely(inputs[i], from, options);
    prepare(l, [&](hrnews::Collection& c) {
      if (campaigns.usable()) hrnews::match_campaigns(c, campaigns.campaigns);
      if (apart && !give_up) {
        {
          const std::lock_guard<std::mutex> lock(spare_mutex);
          if (!spare_buffers.empty()) {
            l.piece.swap(spare_buffers.back());
            spare_buffers.pop_back();
          }
        }
        l.piece.clear();
        hrnews::write_items_piece(c.items, to, l.piece);
        l.items = c.items.size();
        drop_items(c);
      }
    });
    return l;
  };
  const auto take = [&](std::size_t i, Loaded l) {
    if (!l.collection) {
      report_failure(ctx, l);
      failed = true;
      give_up = true;
      return;
    }
    if (failed) return;
    hrnews::Collection& c = *l.collection;
    diagnostic_counts.emplace_back(l.name, c.diagnostics.size());
    if (inputs.size() == 1) {  // everything about it is known: say it before writing
      report_diagnostics(ctx, l.name, c.diagnostics);
      diagnostics_shown = true;
    }
    if (give_up) drop_items(c);
    if (!splice || give_up) {
      merge_into(merged, std::move(c), i == 0);
      return;
    }
    std::vector<hrnews::Item> items;
    items.swap(c.items);
    merge_into(merged, std::move(c), i == 0);
    if (!writer) {
      first_extensions = merged.extensions;
      writer = std::make_unique<hrnews::SplicedWriter>(output.stream(), to, merged.feed, merged.extensions);
    }
    if (l.piece.empty() && l.items == 0) {
      writer->write(items);
    } else {
      writer->write_piece(l.piece);
      const std::lock_guard<std::mutex> lock(spare_mutex);
      spare_buffers.push_back(std::move(l.piece));
    }
    if (output.streams()) writer->flush();  // this input's items, out before the next one is read
  };

  const std::string shown_output = args.get("--output", "<stdout>");
  try {
    pipeline<Loaded>(inputs, jobs, work, take, [&] { build_taxonomy_meanwhile(inputs, from); });
  } catch (const std::exception& e) {
    if (failed) return exit_bad_input;
    report_file_error(ctx, shown_output, std::string("cannot write ") + to + ": " + e.what());
    return exit_bad_input;
  }
  if (failed) return exit_bad_input;
  if (!diagnostics_shown) report_all_diagnostics(ctx, diagnostic_counts, merged.diagnostics);
  if (campaigns.report_error) {
    campaigns.report_error();
    return exit_bad_input;
  }

  try {
    if (splice) {
      writer->finish(merged.campaigns, merged.schemes, merged.diagnostics, merged.extensions);
      if (to == "jsonl" && merged.extensions.size() != first_extensions.size()) {
        // A later input added top-level members: they belong in the header line.
        const auto header = [&](const hrnews::Extensions& extensions) {
          hrnews::Collection h;
          h.feed = merged.feed;
          h.extensions = extensions;
          return hrnews::write_jsonl(h);
        };
        output.replace_start(header(first_extensions).size(), header(merged.extensions));
      }
    } else {
      std::string data = hrnews::write(merged, to);
      if (is_text_format(to) && !data.empty() && data.back() != '\n') data += '\n';
      output.stream().write(data.data(), static_cast<std::streamsize>(data.size()));
    }
  } catch (const std::exception& e) {
    report_file_error(ctx, shown_output, std::string("cannot write ") + to + ": " + e.what());
    return exit_bad_input;
  }
  return output.commit() ? exit_ok : exit_bad_input;
}

int run_validate(const Context& ctx, const Args& args) {
  if (args.positional.empty()) throw UsageError("validate needs at least one INPUT");
  check_stdin_once(args.positional);
  const std::string from = input_format(args);
  const bool strict = args.has("--strict");
  const hrnews::ReadOptions options = read_options(args);
  bool all_valid = true;
  const auto work = [&](std::size_t i) noexcept {
    Loaded l = load_safely(args.positional[i], from, options);
    prepare(l, [&](hrnews::Collection& c) {
      l.items = c.items.size();
      drop_items(c);
    });
    return l;
  };
  const auto take = [&](std::size_t, Loaded l) {
    if (!l.collection) {
      all_valid = report_failure(ctx, l) && all_valid;
      return;
    }
    const auto& diagnostics = l.collection->diagnostics;
    report_diagnostics(ctx, l.name, diagnostics);
    const bool valid = std::none_of(diagnostics.begin(), diagnostics.end(), [&](const hrnews::Diagnostic& d) {
      return d.severity == hrnews::Severity::error || (strict && d.severity == hrnews::Severity::warning);
    });
    if (valid) {
      const std::size_t n = l.items;
      std::cout << l.name << ": ok (" << n << (n == 1 ? " item)" : " items)") << std::endl;
    }
    all_valid = all_valid && valid;
  };
  pipeline<Loaded>(args.positional, parse_jobs(args), work, take,
                   [&] { build_taxonomy_meanwhile(args.positional, from); });
  return all_valid ? exit_ok : exit_bad_input;
}

int run_stats(const Context& ctx, const Args& args) {
  if (args.positional.empty()) throw UsageError("stats needs at least one INPUT");
  check_stdin_once(args.positional);
  const std::string from = input_format(args);
  const hrnews::ReadOptions options = read_options(args);
  const CampaignsFile campaigns = read_campaigns_file(ctx, args);
  hrnews::Stats stats;
  bool failed = false;
  const auto work = [&](std::size_t i) noexcept {
    Loaded l = load_safely(args.positional[i], from, options);
    prepare(l, [&](hrnews::Collection& c) {
      if (campaigns.usable()) hrnews::match_campaigns(c, campaigns.campaigns);
      l.stats = hrnews::compute_stats(c);
      drop_items(c);
    });
    return l;
  };
  const auto take = [&](std::size_t, Loaded l) {
    if (!report_failure(ctx, l)) {
      failed = true;
      return;
    }
    stats.merge(l.stats);
  };
  pipeline<Loaded>(args.positional, parse_jobs(args), work, take,
                   [&] { build_taxonomy_meanwhile(args.positional, from); });
  if (failed) return exit_bad_input;
  if (campaigns.report_error) {
    campaigns.report_error();
    return exit_bad_input;
  }
  const std::string text = args.has("--json") ? hrnews::format_stats_json(stats) + "\n"
                                              : hrnews::format_stats_table(stats);
  return write_output(ctx, "-", text) ? exit_ok : exit_bad_input;
}

/// The taxonomy the program works with: the built-in schemes (theme, genre,
/// country, region, mechanism, violation), extended by the schemes of
/// `--taxonomy FILE` (one scheme object, an array of them, or an object with a
/// `schemes` array) as `hrnews::extend` does.
/// @throws std::runtime_error with the message to print when FILE is unusable
hrnews::Taxonomy cli_taxonomy(const Args& args) {
  if (!args.has("--taxonomy")) return hrnews::builtin_taxonomy();
  const std::string path = args.get("--taxonomy");
  const std::string text = read_whole_file(path);
  std::vector<hrnews::Scheme> schemes;
  hrnews::ReadOptions options;
  options.file_name = path;
  try {
    const nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    const nlohmann::json* list = nullptr;
    if (j.is_array()) list = &j;
    else if (j.is_object() && j.contains("schemes")) list = &j.at("schemes");
    if (list && list->is_array()) {
      for (const auto& s : *list) schemes.push_back(hrnews::read_scheme_json(s.dump(), options));
    } else {
      schemes.push_back(hrnews::read_scheme_json(text, options));
    }
    return hrnews::extend(hrnews::builtin_taxonomy(), std::move(schemes));
  } catch (const hrnews::ParseError& e) {
    throw std::runtime_error(e.what());
  } catch (const std::invalid_argument& e) {
    throw std::runtime_error(path + ": error: " + e.what());
  }
}

std::string title_of(const hrnews::Scheme& scheme) {
  const auto en = scheme.title.find("en");
  if (en != scheme.title.end()) return en->second;
  return scheme.title.empty() ? std::string() : scheme.title.begin()->second;
}

int run_taxonomy(const Context& ctx, const Args& args) {
  const auto& pos = args.positional;
  if (pos.empty()) throw UsageError("taxonomy needs a subcommand: list, show SCHEME or export SCHEME --to json");
  const std::string& sub = pos[0];
  if (sub != "list" && sub != "show" && sub != "export") {
    throw UsageError("unknown taxonomy subcommand " + in_quotes(sub) + " (list, show or export)");
  }
  if (sub == "list") {
    if (pos.size() > 1) throw UsageError("taxonomy list takes no SCHEME");
  } else if (pos.size() != 2) {
    throw UsageError("taxonomy " + sub + " needs one SCHEME");
  }
  if (sub != "export" && (args.has("--to") || args.has("--output"))) {
    throw UsageError("--to and -o are only for taxonomy export");
  }
  if (sub == "export") {
    if (!args.has("--to")) throw UsageError("taxonomy export needs --to json");
    if (args.get("--to") != "json") {
      throw UsageError("cannot export a scheme as " + in_quotes(args.get("--to")) + " (available: json)");
    }
  }

  hrnews::Taxonomy taxonomy;
  try {
    taxonomy = cli_taxonomy(args);
  } catch (const std::runtime_error& e) {
    std::cerr << e.what() << '\n';
    return exit_bad_input;
  }
  if (sub == "list") {
    const auto& schemes = taxonomy.schemes();
    if (schemes.empty()) {
      std::cout << "no taxonomy schemes are available yet\n";
      return exit_ok;
    }
    std::size_t width = 6;
    for (const auto& s : schemes) width = std::max(width, s.id.size());
    std::cout << "scheme" << std::string(width - 6 + 2, ' ') << "terms  title\n";
    for (const auto& s : schemes) {
      const std::string count = std::to_string(s.terms.size());
      std::cout << s.id << std::string(width - s.id.size() + 2, ' ') << std::string(count.size() < 5 ? 5 - count.size() : 0, ' ')
                << count << "  " << title_of(s) << '\n';
    }
    return exit_ok;
  }

  const hrnews::Scheme* scheme = taxonomy.find_scheme(pos[1]);
  if (!scheme) {
    std::cerr << "error: unknown scheme " << in_quotes(pos[1]) << '\n';
    return exit_bad_input;
  }
  if (sub == "export") {
    std::string data = hrnews::write_scheme_json(*scheme);
    if (!data.empty() && data.back() != '\n') data += '\n';
    return write_output(ctx, args.get("--output"), data) ? exit_ok : exit_bad_input;
  }
  std::cout << scheme->id;
  if (const std::string title = title_of(*scheme); !title.empty()) std::cout << ": " << title;
  if (!scheme->uri.empty()) std::cout << " <" << scheme->uri << '>';
  std::cout << '\n';
  std::size_t width = 0;
  for (const auto& t : scheme->terms) width = std::max(width, t.code.size());
  for (const auto& t : scheme->terms) {
    std::cout << "  " << t.code << std::string(width - t.code.size() + 2, ' ')
              << taxonomy.label({scheme->id, t.code}) << (t.deprecated ? " (deprecated)" : "") << '\n';
  }
  return exit_ok;
}

// ---------------------------------------------------------------------------
// The command table and help

struct Command {
  std::string_view name;
  std::string_view synopsis;  ///< after `hrnews `
  std::string_view summary;   ///< one line
  std::string_view details;   ///< a paragraph for `COMMAND --help`
  std::vector<OptionSpec> options;
  int (*run)(const Context&, const Args&);
};

const std::vector<Command>& commands() {
  static const std::vector<Command> table = {
      {"convert",
       "convert [INPUT... | -] --to FORMAT [-o OUT] [--from FORMAT] [--base URL] [--jobs N] [--strict]",
       "convert feeds and files to another format",
       "Reads every INPUT (the standard input when none is given) and writes them,\n"
       "merged into one collection in input order, in FORMAT to stdout or OUT.\n"
       "Diagnostics of the inputs go to stderr.",
       {
           {"--to", "", "FORMAT", "output format (required)"},
           {"--output", "-o", "OUT", "write to OUT instead of stdout (\"-\" is stdout)"},
           {"--from", "", "FORMAT", "input format (default: detected from the content)"},
           {"--base", "", "URL", "base for relative URLs when the input gives none"},
           {"--jobs", "", "N", "read N inputs at a time (default 1)"},
           {"--strict", "", "", "treat repairs of broken input as errors"},
           {"--sanitize-html", "", "", "pass HTML summaries and contents through the safe-HTML allowlist"},
           {"--max-input-bytes", "", "N", "refuse an input (a JSONL line) over N bytes (default 536870912)"},
           {"--max-depth", "", "N", "refuse nesting deeper than N levels (default 256)"},
           {"--max-items", "", "N", "refuse more than N items per input (default 5000000)"},
           {"--max-string-bytes", "", "N", "refuse one string over N bytes (default 67108864)"},
           {"--campaigns", "", "FILE", "link items to the campaigns declared in FILE (JSON)"},
       },
       &run_convert},
      {"validate", "validate INPUT... [--from FORMAT] [--strict] [--jobs N]",
       "check that inputs can be read; print their diagnostics",
       "Reads every INPUT and prints its diagnostics on stderr, and \"INPUT: ok (N items)\"\n"
       "on stdout for each input without errors. Exits with 0 when every input is valid.",
       {
           {"--from", "", "FORMAT", "input format (default: detected from the content)"},
           {"--strict", "", "", "treat repairs and warnings as errors"},
           {"--jobs", "", "N", "read N inputs at a time (default 1)"},
           {"--sanitize-html", "", "", "pass HTML summaries and contents through the safe-HTML allowlist"},
           {"--max-input-bytes", "", "N", "refuse an input (a JSONL line) over N bytes (default 536870912)"},
           {"--max-depth", "", "N", "refuse nesting deeper than N levels (default 256)"},
           {"--max-items", "", "N", "refuse more than N items per input (default 5000000)"},
           {"--max-string-bytes", "", "N", "refuse one string over N bytes (default 67108864)"},
       },
       &run_validate},
      {"stats", "stats INPUT... [--json] [--from FORMAT] [--jobs N] [--campaigns FILE]",
       "count items by kind, genre, country, region, theme, violation, language, month, campaign",
       "Reads every INPUT and prints counts over all their items: a table that fits one\n"
       "screen, or a JSON object with --json.",
       {
           {"--json", "", "", "print the counts as JSON"},
           {"--from", "", "FORMAT", "input format (default: detected from the content)"},
           {"--jobs", "", "N", "read N inputs at a time (default 1)"},
           {"--sanitize-html", "", "", "pass HTML summaries and contents through the safe-HTML allowlist"},
           {"--max-input-bytes", "", "N", "refuse an input (a JSONL line) over N bytes (default 536870912)"},
           {"--max-depth", "", "N", "refuse nesting deeper than N levels (default 256)"},
           {"--max-items", "", "N", "refuse more than N items per input (default 5000000)"},
           {"--max-string-bytes", "", "N", "refuse one string over N bytes (default 67108864)"},
           {"--campaigns", "", "FILE", "link items to the campaigns declared in FILE (JSON) first"},
       },
       &run_stats},
      {"taxonomy", "taxonomy list | show SCHEME | export SCHEME --to json [-o OUT] [--taxonomy FILE]",
       "list, show or export the taxonomy schemes",
       "list: the schemes and their number of terms; show SCHEME: its terms and\n"
       "English labels; export SCHEME --to json: the scheme as JSON.",
       {
           {"--to", "", "FORMAT", "export format: json"},
           {"--output", "-o", "OUT", "export to OUT instead of stdout"},
           {"--taxonomy", "", "FILE", "add the schemes of FILE (JSON) to the built-in ones"},
       },
       &run_taxonomy},
  };
  return table;
}

const Command* find_command(std::string_view name) {
  for (const auto& c : commands()) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

void print_options(std::ostream& out, const std::vector<OptionSpec>& specs) {
  const auto label = [](const OptionSpec& s) {
    std::string text = s.short_name.empty() ? "    " : std::string(s.short_name) + ", ";
    text += s.name;
    if (!s.value.empty()) text += " " + std::string(s.value);
    return text;
  };
  std::size_t width = 0;
  for (const auto& s : specs) width = std::max(width, label(s).size());
  for (const auto& s : specs) {
    const std::string l = label(s);
    out << "  " << l << std::string(width - l.size() + 2, ' ') << s.help << '\n';
  }
}

void print_formats(std::ostream& out) {
  out << "formats:\n";
  const std::vector<hrnews::FormatInfo> all = hrnews::formats();
  std::size_t width = 0;  // the widest id, plus two spaces
  for (const auto& f : all) width = std::max(width, f.id.size() + 2);
  for (const auto& f : all) {
    std::string can = f.can_read && f.can_write ? "read, write" : f.can_read ? "read" : "write";
    out << "  " << f.id << std::string(width - f.id.size(), ' ') << can
        << std::string(can.size() < 13 ? 13 - can.size() : 1, ' ') << f.description << '\n';
  }
}

void print_main_help(std::ostream& out) {
  out << "hrnews " << hrnews::version() << " - read, convert and summarise human-rights news\n\n"
      << "usage:\n";
  for (const auto& c : commands()) out << "  hrnews " << c.synopsis << '\n';
  out << "  hrnews --version | --help | COMMAND --help\n\ncommands:\n";
  for (const auto& c : commands()) {
    out << "  " << c.name << std::string(10 - c.name.size(), ' ') << c.summary << '\n';
  }
  out << "\noptions for every command:\n";
  print_options(out, global_options());
  out << '\n';
  print_formats(out);
  out << "\nAn INPUT of \"-\" is the standard input. Formats are detected from the content\n"
         "unless --from is given.\n\n"
         "exit status: 0 success, 1 bad input, 2 usage error\n";
}

void print_command_help(std::ostream& out, const Command& c) {
  out << "usage: hrnews " << c.synopsis << "\n\n" << c.details << "\n\noptions:\n";
  std::vector<OptionSpec> all = c.options;
  all.insert(all.end(), global_options().begin(), global_options().end());
  print_options(out, all);
  if (c.name != "taxonomy") {
    out << '\n';
    print_formats(out);
  }
  out << "\nexit status: 0 success, 1 bad input, 2 usage error\n";
}

void apply_global(const Args& args, Context& ctx) {
  if (args.has("--diagnostics")) {
    const std::string value = args.get("--diagnostics");
    if (value == "json") ctx.diagnostics = DiagnosticsFormat::json;
    else if (value == "text") ctx.diagnostics = DiagnosticsFormat::text;
    else throw UsageError("unknown diagnostics format " + in_quotes(value) + " (text or json)");
  }
}

int run(const std::vector<std::string>& argv) {
  Context ctx;
  std::size_t i = 0;
  // Global options before the command.
  const Args global = parse_args({}, argv, i, true);
  apply_global(global, ctx);
  if (global.has("--help")) {
    print_main_help(std::cout);
    return exit_ok;
  }
  if (global.has("--version")) {
    std::cout << "hrnews " << hrnews::version() << '\n';
    return exit_ok;
  }
  if (i >= argv.size()) throw UsageError("missing command (convert, validate, stats or taxonomy)");
  std::string name = argv[i++];
  if (name == "help") {  // `hrnews help [COMMAND]`
    if (i >= argv.size()) {
      print_main_help(std::cout);
      return exit_ok;
    }
    const Command* c = find_command(argv[i]);
    if (!c) throw UsageError("unknown command " + in_quotes(argv[i]));
    print_command_help(std::cout, *c);
    return exit_ok;
  }
  const Command* command = find_command(name);
  if (!command) throw UsageError("unknown command " + in_quotes(name));
  const Args args = parse_args(command->options, argv, i, false);
  apply_global(args, ctx);
  if (args.has("--help")) {
    print_command_help(std::cout, *command);
    return exit_ok;
  }
  if (args.has("--version")) {
    std::cout << "hrnews " << hrnews::version() << '\n';
    return exit_ok;
  }
  return command->run(ctx, args);
}

}  // namespace

int main(int argc, char** argv) {
#if defined(__GLIBC__)
  // Grow the heaps 16 MiB at a time: each worker thread's heap otherwise grows
  // page by page with one mprotect per step (some 2 800 for 16 inputs of 3 MB
  // with --jobs 2), each stopping the other threads' page faults. Only address
  // space is reserved; pages count when touched.
  mallopt(M_TOP_PAD, 16 << 20);
#endif
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& e) {
    std::cout.flush();
    std::cerr << "error: " << e.what() << "\ntry 'hrnews --help'\n";
    return exit_usage;
  } catch (const std::bad_alloc&) {
    std::cerr << "error: out of memory\n";
    return exit_bad_input;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << '\n';
    return exit_bad_input;
  }
}
