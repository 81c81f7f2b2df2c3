// Options for sanitized builds (scripts/test.sh builds with AddressSanitizer): fontconfig, which
// pango uses to print PDF invoices, keeps caches until exit that LeakSanitizer reports as leaks.
// They are not ours and not growing; suppress exactly that library. No effect in other builds.
extern "C" const char* __lsan_default_suppressions() {  // NOLINT: sanitizer hook name
  return "leak:libfontconfig.so\n";
}

extern "C" const char* __lsan_default_options() {  // NOLINT: sanitizer hook name
  return "print_suppressions=0";
}
