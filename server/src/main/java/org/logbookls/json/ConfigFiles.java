package org.logbookls.json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.logbookls.config.Settings;
import org.logbookls.text.TextRange;

/**
 * Finds and reads the {@code .logbook.json} files that apply to a file: the one in its folder and
 * in every parent up to the workspace root, nearer files overriding farther ones.
 *
 * <p>Thread-safe. Decoded files are cached by path and modification time, so asking again after
 * an edit rereads only the edited file.
 */
public final class ConfigFiles {
    public static final String FILE_NAME = ".logbook.json";
    /** A configuration file larger than this is not configuration. */
    private static final long MAX_BYTES = 1 << 20;

    private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(FileTime modified, SettingsJson.Decoded decoded) {
    }

    /** The settings in force for {@code file}, and the configuration files that made them. Immutable. */
    public record Resolved(Settings settings, List<Loaded> files) {
        public Resolved {
            files = List.copyOf(files);
        }
    }

    /** One configuration file as read. */
    public record Loaded(Path path, SettingsJson.Decoded decoded) {
    }

    /**
     * Applies every {@code .logbook.json} from {@code root} down to {@code file}'s folder on top of
     * {@code base}. Files outside {@code root} only see the configuration of their own folder.
     */
    public Resolved resolve(Path file, Path root, Settings base) {
        Path folder = file.toAbsolutePath().normalize().getParent();
        Path top = root.toAbsolutePath().normalize();
        List<Path> chain = new ArrayList<>();
        for (Path dir = folder; dir != null; dir = dir.getParent()) {
            chain.add(dir);
            if (dir.equals(top) || !dir.startsWith(top)) {
                break;
            }
        }
        Collections.reverse(chain);
        Settings settings = base;
        List<Loaded> loaded = new ArrayList<>();
        for (Path dir : chain) {
            Path config = dir.resolve(FILE_NAME);
            if (!Files.isRegularFile(config)) {
                continue;
            }
            SettingsJson.Decoded decoded = read(config);
            loaded.add(new Loaded(config, decoded));
            settings = decoded.layer().applyTo(settings);
        }
        return new Resolved(settings, loaded);
    }

    /** Reads one configuration file; unreadable files give a problem, never an exception. */
    public SettingsJson.Decoded read(Path config) {
        try {
            FileTime modified = Files.getLastModifiedTime(config);
            Cached cached = cache.get(config);
            if (cached != null && cached.modified().equals(modified)) {
                return cached.decoded();
            }
            SettingsJson.Decoded decoded;
            if (Files.size(config) > MAX_BYTES) {
                decoded = new SettingsJson.Decoded(org.logbookls.config.SettingsLayer.EMPTY, List.of(new ConfigProblem(TextRange.empty(0),
                        "This configuration file is larger than 1 MB and is ignored.", true)));
            } else {
                decoded = SettingsJson.decodeFile(Files.readString(config, StandardCharsets.UTF_8));
            }
            cache.put(config, new Cached(modified, decoded));
            return decoded;
        } catch (IOException | RuntimeException unreadable) {
            return new SettingsJson.Decoded(org.logbookls.config.SettingsLayer.EMPTY, List.of(new ConfigProblem(TextRange.empty(0),
                    "This configuration file cannot be read (" + unreadable.getMessage() + "); the defaults stay in force.", true)));
        }
    }

    /** Forgets a cached file, after the client reports it changed or was deleted. */
    public void forget(Path config) {
        cache.remove(config);
    }
}
