<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>LookupResult</name>
    <message numerus="yes">
        <source>The national service is busy. Try again in %n second(s).</source>
        <translation>
            <numerusform>The national service is busy. Try again in %n second.</numerusform>
            <numerusform>The national service is busy. Try again in %n seconds.</numerusform>
        </translation>
    </message>
    <message>
        <source>Child Protection Plan</source>
        <translation>Child Protection Plan</translation>
    </message>
    <message>
        <source>Looked After Child</source>
        <translation>Looked After Child</translation>
    </message>
    <message>
        <source>Unborn Child Protection Plan</source>
        <translation>Unborn Child Protection Plan</translation>
    </message>
</context>
<context>
    <name>NhsNumber</name>
    <message>
        <source>Enter an NHS number.</source>
        <translation>Enter an NHS number.</translation>
    </message>
    <message>
        <source>An NHS number has only digits (spaces and hyphens are allowed between them).</source>
        <translation>An NHS number has only digits (spaces and hyphens are allowed between them).</translation>
    </message>
    <message>
        <source>An NHS number has 10 digits.</source>
        <translation>An NHS number has 10 digits.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: no NHS number starts with these nine digits.</source>
        <translation>This is not a valid NHS number: no NHS number starts with these nine digits.</translation>
    </message>
    <message>
        <source>This is not a valid NHS number: the last digit does not match. Check for a typing error.</source>
        <translation>This is not a valid NHS number: the last digit does not match. Check for a typing error.</translation>
    </message>
</context>
<context>
    <name>QCoreApplication</name>
    <message>
        <source>The national service is busy. Try again shortly.</source>
        <translation>The national service is busy. Try again shortly.</translation>
    </message>
</context>
<context>
    <name>cpis::LookupResult</name>
    <message>
        <source>The national service could not be reached.</source>
        <translation>The national service could not be reached.</translation>
    </message>
    <message>
        <source>The national service did not answer in time.</source>
        <translation>The national service did not answer in time.</translation>
    </message>
    <message>
        <source>The national service reported an error.</source>
        <translation>The national service reported an error.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again to check CP-IS.</source>
        <translation>Your sign-in has expired. Sign in again to check CP-IS.</translation>
    </message>
    <message>
        <source>The national service sent an answer that could not be read.</source>
        <translation>The national service sent an answer that could not be read.</translation>
    </message>
    <message>
        <source>The national service refused access for your role.</source>
        <translation>The national service refused access for your role.</translation>
    </message>
    <message>
        <source>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</source>
        <translation>This NHS number is not known to the Personal Demographics Service. Check the number with the person.</translation>
    </message>
    <message>
        <source>Your role does not include access to CP-IS.</source>
        <translation>Your role does not include access to CP-IS.</translation>
    </message>
</context>
<context>
    <name>cpis::SignInFlow</name>
    <message>
        <source>Could not open a local port for the sign-in reply: %1</source>
        <translation>Could not open a local port for the sign-in reply: %1</translation>
    </message>
    <message>
        <source>The sign-in reply did not match this sign-in attempt.</source>
        <translation>The sign-in reply did not match this sign-in attempt.</translation>
    </message>
    <message>
        <source>Sign-in was refused: %1</source>
        <translation>Sign-in was refused: %1</translation>
    </message>
    <message>
        <source>The sign-in reply carried no authorization code.</source>
        <translation>The sign-in reply carried no authorization code.</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Sign-in failed: %1</translation>
    </message>
    <message>
        <source>The sign-in service gave an unusable token.</source>
        <translation>The sign-in service gave an unusable token.</translation>
    </message>
    <message>
        <source>Could not read your user details: %1</source>
        <translation>Could not read your user details: %1</translation>
    </message>
    <message>
        <source>Your user details name no selected role.</source>
        <translation>Your user details name no selected role.</translation>
    </message>
</context>
<context>
    <name>cpis::ui::AccessHistoryModel</name>
    <message>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Who</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
</context>
<context>
    <name>cpis::ui::CpisResultView</name>
    <message>
        <source>Access history (most recent 25)</source>
        <translation>Access history (most recent 25)</translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Access history</translation>
    </message>
    <message>
        <source>CP-IS ALERT: this person is known to children&apos;s social care</source>
        <translation>CP-IS ALERT: this person is known to children&apos;s social care</translation>
    </message>
    <message numerus="yes">
        <source>%n plan(s) on CP-IS for NHS No. %1</source>
        <translation>
            <numerusform>%n plan on CP-IS for NHS No. %1</numerusform>
            <numerusform>%n plans on CP-IS for NHS No. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>(all ended)</source>
        <translation>(all ended)</translation>
    </message>
    <message>
        <source>Contact the responsible local authority as your local procedure says.</source>
        <translation>Contact the responsible local authority as your local procedure says.</translation>
    </message>
    <message>
        <source>No CP-IS record found</source>
        <translation>No CP-IS record found</translation>
    </message>
    <message>
        <source>CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record. This does not mean the child is safe: use your professional judgement.</source>
        <translation>CP-IS was checked for NHS No. %1 at %2 and holds no Child Protection Plan, Looked After Child or Unborn Child Protection Plan record. This does not mean the child is safe: use your professional judgement.</translation>
    </message>
    <message>
        <source>CP-IS COULD NOT BE CHECKED</source>
        <translation>CP-IS COULD NOT BE CHECKED</translation>
    </message>
    <message>
        <source>Follow local safeguarding procedure.</source>
        <translation>Follow local safeguarding procedure.</translation>
    </message>
    <message numerus="yes">
        <source>OFFLINE COPY, as of %1 (%n hour(s) old), not a live answer. %2</source>
        <translation>
            <numerusform>OFFLINE COPY, as of %1 (%n hour old), not a live answer. %2</numerusform>
            <numerusform>OFFLINE COPY, as of %1 (%n hours old), not a live answer. %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Access history could not be loaded.</source>
        <translation>Access history could not be loaded.</translation>
    </message>
    <message>
        <source>CP-IS result</source>
        <translation>CP-IS result</translation>
    </message>
</context>
<context>
    <name>cpis::ui::MainWindow</name>
    <message>
        <source>CP-IS Desk</source>
        <translation>CP-IS Desk</translation>
    </message>
    <message>
        <source>TRAINING: synthetic data</source>
        <translation>TRAINING: synthetic data</translation>
    </message>
    <message>
        <source>Training mode: all data is synthetic</source>
        <translation>Training mode: all data is synthetic</translation>
    </message>
    <message>
        <source>CP-IS Desk

Connected to %1</source>
        <translation>CP-IS Desk

Connected to %1</translation>
    </message>
    <message>
        <source>Service address</source>
        <translation>Service address</translation>
    </message>
    <message>
        <source>Training mode</source>
        <translation>Training mode</translation>
    </message>
    <message>
        <source>Live service</source>
        <translation>Live service</translation>
    </message>
</context>
<context>
    <name>cpis::ui::NhsNumberEdit</name>
    <message>
        <source>NHS number</source>
        <translation>NHS number</translation>
    </message>
    <message>
        <source>Type or paste a 10-digit NHS number, then press Enter.</source>
        <translation>Type or paste a 10-digit NHS number, then press Enter.</translation>
    </message>
    <message>
        <source>NHS number, e.g. 943 476 5919</source>
        <translation>NHS number, e.g. 943 476 5919</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PatientBanner</name>
    <message>
        <source>Patient banner</source>
        <translation>Patient banner</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Born</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>NHS No.</source>
        <translation>NHS No.</translation>
    </message>
    <message>
        <source>The NHS number %1 has been replaced by %2. Use the new number from now on.</source>
        <translation>The NHS number %1 has been replaced by %2. Use the new number from now on.</translation>
    </message>
    <message>
        <source>Restricted record: address and contact details are withheld.</source>
        <translation>Restricted record: address and contact details are withheld.</translation>
    </message>
    <message>
        <source>%1, born %2, gender %3, NHS number %4</source>
        <translation>%1, born %2, gender %3, NHS number %4</translation>
    </message>
</context>
<context>
    <name>cpis::ui::PlanCard</name>
    <message>
        <source>Started %1</source>
        <translation>Started %1</translation>
    </message>
    <message>
        <source>Ongoing</source>
        <translation>Ongoing</translation>
    </message>
    <message>
        <source>ENDED %1</source>
        <translation>ENDED %1</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>Ends %1</translation>
    </message>
    <message>
        <source> (ended)</source>
        <translation> (ended)</translation>
    </message>
    <message>
        <source>Responsible local authority: %1</source>
        <translation>Responsible local authority: %1</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Copy %1 number</source>
        <translation>Copy %1 number</translation>
    </message>
    <message>
        <source>Office hours</source>
        <translation>Office hours</translation>
    </message>
    <message>
        <source>Emergency duty (out of hours)</source>
        <translation>Emergency duty (out of hours)</translation>
    </message>
</context>
<context>
    <name>display</name>
    <message>
        <source>Not Known</source>
        <translation>Not Known</translation>
    </message>
    <message>
        <source>%1d</source>
        <translation>%1d</translation>
    </message>
    <message>
        <source>%1w</source>
        <translation>%1w</translation>
    </message>
    <message>
        <source>%1m</source>
        <translation>%1m</translation>
    </message>
    <message>
        <source>%1y</source>
        <translation>%1y</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Child Protection - Information Sharing desk client.</source>
        <translation>Child Protection - Information Sharing desk client.</translation>
    </message>
    <message>
        <source>Run against the built-in sandbox with synthetic data.</source>
        <translation>Run against the built-in sandbox with synthetic data.</translation>
    </message>
    <message>
        <source>CP-IS Desk</source>
        <translation>CP-IS Desk</translation>
    </message>
    <message>
        <source>The training sandbox could not start: %1</source>
        <translation>The training sandbox could not start: %1</translation>
    </message>
</context>
</TS>
