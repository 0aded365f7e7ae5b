#pragma once
// The whole desk as cpis-desk runs it: its identity, settings and language, the training
// sandbox when asked for, the services, the tray and the main window.
#include "core/domain/Result.h"
#include "core/profile/AdministratorFile.h"
#include "ui/shell/DeskSettings.h"

#include <QString>

#include <memory>

namespace cpis {
class Clock;
class DeskServices;
class KeyStore;
} // namespace cpis

namespace cpis::sandbox {
class SandboxServer;
} // namespace cpis::sandbox

namespace cpis::ui {
class MainWindow;
class TrayNotifier;
} // namespace cpis::ui

namespace cpis::desk {

class Desk
{
public:
    struct Options
    {
        bool training = false;  // the training profile, whatever the settings chose
        QString storeDirectory; // the encrypted store's folder; empty: the app's data folder
        ui::DeskSettings settings;
        // The administrator's profiles and site type; none read: the training profile only.
        AdministratorFile::Contents admin;
    };

    // The application, organisation and version names the settings and store live under.
    static void setIdentity();
    // The settings the user saved (QSettings under the identity above).
    static ui::DeskSettings storedSettings();

    // Starts the sandbox (training), opens the services and builds the main window, not yet
    // shown. The error is a sentence for the user; nothing was changed.
    static Result<std::unique_ptr<Desk>, QString> open(const Options& options, const Clock& clock);
    ~Desk();

    // Shows the window and opens the sign-in dialog, as cpis-desk starts.
    void show();

    ui::MainWindow& window() { return *m_window; }
    DeskServices& services() { return *m_services; }
    sandbox::SandboxServer* sandbox() { return m_sandbox.get(); } // null outside training
    // Training: the service goes away, as when the network drops.
    void stopSandbox();

private:
    Desk() = default;

    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<KeyStore> m_keys; // the system keychain; outlives the services
    std::unique_ptr<DeskServices> m_services;
    std::unique_ptr<ui::TrayNotifier> m_tray;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace cpis::desk
