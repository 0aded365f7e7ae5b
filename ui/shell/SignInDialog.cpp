#include "ui/shell/SignInDialog.h"

#include "core/signin/HeadlessSignIn.h"
#include "core/signin/SignInFlow.h"
#include "ui/widgets/PlainLabel.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cpis::ui {

SignInDialog::SignInDialog(Setup setup,
                           FhirTransport* transport,
                           const Clock* clock,
                           QWidget* parent)
    : QDialog(parent), m_setup(std::move(setup)), m_transport(transport), m_clock(clock)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to CP-IS Desk"));
    setAccessibleName(tr("Sign in"));
    setMinimumWidth(620);
    auto* layout = new QVBoxLayout(this);

    if (!m_setup.previous.name.isEmpty()) {
        // After a lock: whoever sits down next sees whose session it was, and that user is
        // offered first; anyone else signing in starts afresh.
        auto* previous = new PlainLabel(tr("The desk was locked by %1 (%2). Sign in again to "
                                           "continue, or sign in as someone else to start afresh.")
                                            .arg(m_setup.previous.name, m_setup.previous.roleName),
                                        this);
        previous->setObjectName(QStringLiteral("signInPreviousUser"));
        previous->setWordWrap(true);
        previous->setAccessibleName(previous->text());
        layout->addWidget(previous);
    }
    auto* intro = new PlainLabel(this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (m_setup.training) {
        intro->setText(tr("TRAINING: synthetic data. Choose a test user and press Enter."));
        m_users = new QListWidget(this);
        m_users->setObjectName(QStringLiteral("testUserList"));
        m_users->setAccessibleName(tr("Test users"));
        for (const TestUser& u : m_setup.users) {
            auto* item =
                new QListWidgetItem(tr("%1 — %2, %3").arg(u.name, u.roleName, u.orgName), m_users);
            item->setData(Qt::UserRole, u.id);
        }
        m_users->setCurrentRow(0);
        for (int i = 0; i < m_setup.users.size(); ++i) {
            const TestUser& u = m_setup.users.at(i);
            if (!m_setup.previous.name.isEmpty() && u.name == m_setup.previous.name &&
                u.roleName == m_setup.previous.roleName &&
                u.orgName == m_setup.previous.organisationName) {
                m_users->setCurrentRow(i);
                break;
            }
        }
        intro->setBuddy(m_users);
        layout->addWidget(m_users);
        connect(m_users, &QListWidget::itemActivated, this, &SignInDialog::start);
    } else {
        intro->setText(tr("Sign in with your NHS smartcard or security key. The sign-in page "
                          "opens in your web browser."));
    }

    m_error = new PlainLabel(this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    // Black text on pale red with a words-first message: 14:1, not colour alone.
    m_error->setStyleSheet(
        QStringLiteral("QLabel { background: #f9dcd9; color: #000000; padding: 4px; }"));
    m_error->hide();
    layout->addWidget(m_error);

    auto* buttons = new QDialogButtonBox(this);
    m_go = buttons->addButton(m_setup.training ? tr("&Sign in") : tr("&Open sign-in page"),
                              QDialogButtonBox::AcceptRole);
    m_go->setObjectName(QStringLiteral("signInButton"));
    m_go->setAccessibleName(m_go->text().remove(u'&'));
    m_go->setDefault(true);
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setAccessibleName(tr("Cancel sign-in"));
    layout->addWidget(buttons);
    // Not accepted(): the dialog closes only once the sign-in has happened.
    connect(m_go, &QPushButton::clicked, this, &SignInDialog::start);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
    if (m_users)
        m_users->setFocus();
}

SignInDialog::~SignInDialog() = default;

void SignInDialog::selectUser(const QString& id)
{
    if (!m_users)
        return;
    for (int i = 0; i < m_users->count(); ++i)
        if (m_users->item(i)->data(Qt::UserRole).toString() == id)
            m_users->setCurrentRow(i);
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SignInDialog::start()
{
    if (m_busy)
        return;
    m_error->hide();
    if (m_setup.training) {
        if (!m_users->currentItem())
            return;
        m_busy = true;
        m_go->setEnabled(false);
        HeadlessSignIn::start(m_transport, m_clock, m_setup.signIn, m_setup.credentials,
                              m_users->currentItem()->data(Qt::UserRole).toString(), this,
                              [this](const Result<UserSession, QString>& r) {
                                  if (r)
                                      finished(r.value());
                                  else
                                      failed(r.error());
                              });
        return;
    }
    if (!m_setup.credentialsProblem.isEmpty()) {
        failed(m_setup.credentialsProblem);
        return;
    }
    delete m_flow;
    m_flow =
        new SignInFlow(m_transport, m_clock, m_setup.signIn, m_setup.credentials, nullptr, this);
    connect(m_flow, &SignInFlow::authorizationUrlReady, this,
            [](const QUrl& url) { QDesktopServices::openUrl(url); });
    connect(m_flow, &SignInFlow::signedIn, this, &SignInDialog::finished);
    connect(m_flow, &SignInFlow::failed, this, &SignInDialog::failed);
    m_busy = true;
    m_go->setEnabled(false);
    m_flow->start(); // a port in use is reported through failed()
}

void SignInDialog::finished(const UserSession& session)
{
    m_busy = false;
    m_go->setEnabled(true);
    emit signedIn(session);
    accept();
}

void SignInDialog::failed(const QString& message)
{
    m_busy = false;
    m_go->setEnabled(true);
    m_error->setText(tr("Sign-in failed: %1").arg(message));
    m_error->show();
    m_error->setAccessibleName(m_error->text());
}

} // namespace cpis::ui
