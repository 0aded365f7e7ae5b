# Settings every project target links, instead of global flags.
add_library(cpis_settings INTERFACE)
add_library(cpis::settings ALIAS cpis_settings)

target_compile_options(cpis_settings INTERFACE -Wall -Wextra -Wpedantic)

target_compile_definitions(cpis_settings INTERFACE
    QT_RESTRICTED_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_USE_QSTRINGBUILDER
    # Release builds must not be able to print patient data through qDebug/qInfo.
    $<$<CONFIG:Release>:QT_NO_DEBUG_OUTPUT>
    $<$<CONFIG:Release>:QT_NO_INFO_OUTPUT>)

# Hardening that costs nothing measurable.
target_compile_options(cpis_settings INTERFACE
    -fstack-protector-strong
    $<$<NOT:$<CONFIG:Debug>>:-D_FORTIFY_SOURCE=2>)
target_link_options(cpis_settings INTERFACE -Wl,-z,relro -Wl,-z,now)

if(CPIS_SANITIZE)
    target_compile_options(cpis_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(cpis_settings INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer coverage hooks plus ASan/UBSan for everything in the fuzz configuration; the
# fuzz executables add -fsanitize=fuzzer themselves (fuzz/CMakeLists.txt).
if(CPIS_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
        message(FATAL_ERROR "CPIS_FUZZ needs clang (use the `fuzz` preset)")
    endif()
    target_compile_options(cpis_settings INTERFACE
        -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    target_link_options(cpis_settings INTERFACE -fsanitize=address,undefined)
endif()
