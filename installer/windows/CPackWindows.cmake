# Windows installer: NSIS through CPack. Included by installer/CMakeLists.txt when WIN32.
# Build it on a Windows machine with Qt 6 (MSVC), NSIS 3, and SQLCipher, QtKeychain and
# OpenSSL built or installed for the same compiler (installer/README.md, "Windows").

set(CPACK_GENERATOR "NSIS")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "CP-IS Desk")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "CP-IS Desk")
set(CPACK_NSIS_PACKAGE_NAME "CP-IS Desk ${PROJECT_VERSION}")
set(CPACK_NSIS_DISPLAY_NAME "CP-IS Desk")
set(CPACK_NSIS_PUBLISHER "${CPACK_PACKAGE_VENDOR}")
set(CPACK_NSIS_URL_INFO_ABOUT "${PROJECT_HOMEPAGE_URL}")
set(CPACK_NSIS_CONTACT "${CPACK_PACKAGE_CONTACT}")
set(CPACK_NSIS_MUI_ICON "${CMAKE_CURRENT_LIST_DIR}/cpis-desk.ico")
set(CPACK_NSIS_MUI_UNIICON "${CMAKE_CURRENT_LIST_DIR}/cpis-desk.ico")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\\\cpis-desk.exe")
# An upgrade replaces the old version instead of installing beside it.
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_MODIFY_PATH OFF)
# Start-menu shortcut "CP-IS Desk" to bin\cpis-desk.exe (the command-line `cpis` gets none).
set(CPACK_PACKAGE_EXECUTABLES "cpis-desk" "CP-IS Desk")
set(CPACK_CREATE_DESKTOP_LINKS "cpis-desk")
# The user's data (%LOCALAPPDATA%\cpis-desk: encrypted store, audit log) and the keys in
# Windows Credential Manager are never touched by the uninstaller: the audit log is the
# only record of access and has its own retention rules.

# Qt's DLLs, plugins (platforms\qwindows.dll, tls\qschannelbackend.dll / qopensslbackend.dll,
# styles, imageformats) and Qt's own translations, by windeployqt.
qt_generate_deploy_app_script(
    TARGET cpis-desk
    FILENAME_VARIABLE cpis_deploy_script
    NO_UNSUPPORTED_PLATFORM_ERROR)
install(SCRIPT "${cpis_deploy_script}")

# The DLLs windeployqt does not know: SQLCipher, QtKeychain, OpenSSL's libcrypto (and the
# MSVC runtime where it is not installed system-wide). They are looked up in the folders of
# CPIS_WINDOWS_DLL_DIRS (e.g. the vcpkg installed\x64-windows\bin) and PATH.
set(CPIS_WINDOWS_DLL_DIRS "" CACHE PATH "Folders holding sqlcipher, qtkeychain and OpenSSL DLLs")
install(CODE "
    set(CPIS_EXECUTABLES \"$<TARGET_FILE:cpis-desk>;$<TARGET_FILE:cpis>\")
    set(CPIS_DLL_DIRS \"${CPIS_WINDOWS_DLL_DIRS}\")
")
install(SCRIPT "${CMAKE_CURRENT_LIST_DIR}/InstallRuntimeDlls.cmake")
