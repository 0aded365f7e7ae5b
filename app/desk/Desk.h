#pragma once
// The whole desk as cpis-desk runs it: its identity, settings and language, the training
// sandbox when asked for, the services, the tray and the main window.
#include "core/domain/NhsNumber.h"
#include "core/domain/Result.h"
#include "core/profile/AdministratorFile.h"
#include "ui/shell/DeskSettings.h"

#include <QByteArray>
#include <QDateTime>
#include <QPointer>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

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
class TriageView;
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

    // A launch in context (an ED or PAS system, `cpis-desk --nhs-number N`, a `cpis:` link):
    // the window comes to the front and the triage screen looks `nhs` up as if typed, which
    // traces the person; the nurse still checks the banner. Signed out, the number waits for
    // the next sign-in. `done` (may be empty) hears what came of it: "banner-shown" (awaiting
    // the nurse's confirmation), "answered" (no banner to confirm) or "waiting-for-sign-in".
    // A number held for the sign-in is dropped once it is older than kLaunchHoldSecs by the
    // desk's clock, and when someone other than the user who locked the desk signs in (they
    // start afresh: the number was handed to the other user's session).
    static constexpr qint64 kLaunchHoldSecs = 120;
    using Outcome = std::function<void(const QByteArray&)>;
    void lookUpFromLaunch(const NhsNumber& nhs, Outcome done = {});
    void comeToFront();

private:
    Desk() = default;
    void onTriageMade(ui::TriageView* triage);
    void lookUpOn(ui::TriageView* triage, const NhsNumber& nhs, Outcome done);

    struct Launch
    {
        NhsNumber nhs;
        Outcome done;
        QDateTime heldAtUtc; // when it was handed over, by the desk's clock
        QString heldFor;     // the user id whose locked session it was handed to; empty: none
    };
    const Clock* m_clock = nullptr;    // Desk::open's, which outlives the desk
    QPointer<ui::TriageView> m_triage; // the signed-in triage screen, if any
    std::optional<Launch> m_waiting;   // handed over while signed out

    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<KeyStore> m_keys; // the system keychain; outlives the services
    std::unique_ptr<DeskServices> m_services;
    std::unique_ptr<ui::TrayNotifier> m_tray;
    std::unique_ptr<ui::MainWindow> m_window;
};

} // namespace cpis::desk
