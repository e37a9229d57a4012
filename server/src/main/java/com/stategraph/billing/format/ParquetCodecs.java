package com.stategraph.billing.format;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * The codecs billing exports use (none, Snappy, ZSTD, GZIP) without Hadoop's codec machinery,
 * which needs far more of Hadoop than {@code hadoop-client-api} carries.
 */
public final class ParquetCodecs implements CompressionCodecFactory {

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        supported(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(ParquetCodecs.compress(codec, bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        supported(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(ParquetCodecs.decompress(codec, bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(ParquetCodecs.decompress(codec, in, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void supported(CompressionCodecName codec) {
        switch (codec) {
            case UNCOMPRESSED, SNAPPY, ZSTD, GZIP -> { }
            default -> throw new UnsupportedOperationException("Parquet compression " + codec
                    + " is not supported (supported: UNCOMPRESSED, SNAPPY, ZSTD, GZIP)");
        }
    }

    static byte[] decompress(CompressionCodecName codec, byte[] in, int uncompressedSize) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> in;
            case SNAPPY -> {
                byte[] out = new byte[uncompressedSize];
                int n = Snappy.uncompress(in, 0, in.length, out, 0);
                if (n != uncompressedSize) {
                    throw new IOException("snappy page decompressed to " + n + " bytes, expected " + uncompressedSize);
                }
                yield out;
            }
            case ZSTD -> {
                byte[] out = Zstd.decompress(in, uncompressedSize);
                if (out.length != uncompressedSize) {
                    throw new IOException("zstd page decompressed to " + out.length + " bytes, expected " + uncompressedSize);
                }
                yield out;
            }
            case GZIP -> {
                try (GZIPInputStream gz = new GZIPInputStream(new java.io.ByteArrayInputStream(in))) {
                    yield gz.readNBytes(uncompressedSize);
                }
            }
            default -> throw new IOException("unsupported Parquet compression " + codec);
        };
    }

    static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
        return switch (codec) {
            case UNCOMPRESSED -> in;
            case SNAPPY -> Snappy.compress(in);
            case ZSTD -> Zstd.compress(in, 3);
            case GZIP -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 64);
                try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(in);
                }
                yield out.toByteArray();
            }
            default -> throw new IOException("unsupported Parquet compression " + codec);
        };
    }
}
