package org.smolny.count.format;

import java.nio.file.Path;
import org.smolny.count.ballot.BallotBox;

/** The ballot file formats, and how to tell them from a file name. */
public enum BallotFormat {
    BLT, CDF, CSV;

    /** The format a file name suggests: {@code .blt}, {@code .json}, {@code .csv}. */
    public static BallotFormat ofFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase();
        if (name.endsWith(".blt")) return BLT;
        if (name.endsWith(".json")) return CDF;
        if (name.endsWith(".csv")) return CSV;
        throw new IllegalArgumentException("cannot tell the format of '" + file.getFileName() + "' from its name; give --format blt, cdf or csv");
    }

    public BallotBox read(String text) {
        return switch (this) {
            case BLT -> Blt.read(text);
            case CDF -> Cdf.read(text);
            case CSV -> Csv.read(text);
        };
    }

    public String write(BallotBox box, int seats) {
        return switch (this) {
            case BLT -> Blt.write(box, seats);
            case CDF -> Cdf.write(box, seats);
            case CSV -> Csv.write(box, seats);
        };
    }
}
