#include "ui/shell/SettingsDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace cpis::ui {

SettingsDialog::SettingsDialog(const DeskSettings& current, QWidget* parent)
    : QDialog(parent), m_base(current)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("CP-IS Desk settings"));
    setAccessibleName(tr("Settings"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_environment = new QComboBox(this);
    m_environment->setObjectName(QStringLiteral("settingsEnvironment"));
    m_environment->setAccessibleName(tr("Environment"));
    m_environment->addItem(tr("Training (built-in sandbox, synthetic data)"),
                           QStringLiteral("training"));
    m_environment->addItem(tr("Live national service"), QStringLiteral("live"));
    m_environment->setCurrentIndex(current.environment == u"live" ? 1 : 0);
    form->addRow(tr("&Environment"), m_environment);

    m_url = new QLineEdit(current.serviceUrl.toString(), this);
    m_url->setObjectName(QStringLiteral("settingsServiceUrl"));
    m_url->setAccessibleName(tr("Service URL"));
    m_url->setPlaceholderText(QStringLiteral("https://"));
    form->addRow(tr("Service &URL"), m_url);

    m_idle = new QSpinBox(this);
    m_idle->setObjectName(QStringLiteral("settingsIdleLock"));
    m_idle->setAccessibleName(tr("Lock after minutes idle"));
    m_idle->setRange(1, 60);
    m_idle->setSuffix(tr(" min"));
    m_idle->setValue(current.idleLockMinutes);
    form->addRow(tr("&Lock when idle for"), m_idle);

    m_retention = new QSpinBox(this);
    m_retention->setObjectName(QStringLiteral("settingsRetention"));
    m_retention->setAccessibleName(tr("Keep offline answers for hours"));
    m_retention->setRange(1, 72);
    m_retention->setSuffix(tr(" h"));
    m_retention->setValue(current.cacheRetentionHours);
    form->addRow(tr("&Keep offline answers for"), m_retention);

    m_site = new QComboBox(this);
    m_site->setObjectName(QStringLiteral("settingsSite"));
    m_site->setAccessibleName(tr("Site type"));
    m_site->addItem(tr("Unscheduled care (emergency, walk-in, maternity, out of hours)"));
    m_site->addItem(tr("Scheduled care (GP in hours, 0-19 services)"));
    m_site->setCurrentIndex(current.site == SiteType::ScheduledCare ? 1 : 0);
    form->addRow(tr("&Site type"), m_site);

    m_language = new QComboBox(this);
    m_language->setObjectName(QStringLiteral("settingsLanguage"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("System language"), QString());
    // Each language is named in itself, so someone who cannot read the current one finds it.
    m_language->addItem(QStringLiteral("English (UK)"), QStringLiteral("en_GB"));
    m_language->addItem(QStringLiteral("Cymraeg"), QStringLiteral("cy"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    form->addRow(tr("Lan&guage"), m_language);

    auto* note = new QLabel(tr("The idle lock changes at once; the service, retention, "
                               "site type and language when CP-IS Desk next starts."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Save)->setAccessibleName(tr("Save settings"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

DeskSettings SettingsDialog::settings() const
{
    DeskSettings s = m_base;
    s.environment = m_environment->currentData().toString();
    s.serviceUrl = QUrl(m_url->text().trimmed());
    s.idleLockMinutes = m_idle->value();
    s.cacheRetentionHours = m_retention->value();
    s.site = m_site->currentIndex() == 1 ? SiteType::ScheduledCare : SiteType::UnscheduledCare;
    s.language = m_language->currentData().toString();
    return s;
}

} // namespace cpis::ui
