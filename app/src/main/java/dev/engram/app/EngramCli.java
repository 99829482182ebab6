package dev.engram.app;

/** Entry point of the engram command line. */
public final class EngramCli {
    public static void main(String[] args) {
        System.out.println("engram");
    }
}
