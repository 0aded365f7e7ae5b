<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
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
