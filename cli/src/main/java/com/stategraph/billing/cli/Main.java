package com.stategraph.billing.cli;

public final class Main {
    public static void main(String[] args) {
    }
}
