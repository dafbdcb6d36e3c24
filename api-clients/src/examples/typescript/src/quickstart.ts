/**
 * Vigie from TypeScript in one file, with the npm package @vigie/api-client: sign in, rehearse in a crisis exercise,
 * create a watchlist, ingest a mention, receive its alert live, read the exercise's debrief, clean up.
 *
 * Everything happens inside an exercise so that the institution's real data stays untouched: the watchlist, the
 * mention and its alert are marked with the exercise's id, and deleting the exercise deletes them.
 */
import {
  Configuration,
  ExercisesApi,
  MentionsApi,
  ResponseError,
  WatchlistsApi,
} from "@vigie/api-client";

// Node's globals without @types/node (fetch, TextDecoder and AbortController come with lib "dom").
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

const gateway = process.env.VIGIE_GATEWAY ?? "http://127.0.0.1:8080";
const keycloak = process.env.VIGIE_KEYCLOAK ?? "http://127.0.0.1:8180";
const realm = process.env.VIGIE_REALM ?? "minsante";
const user = process.env.VIGIE_USER ?? "admin";
const password = process.env.VIGIE_PASSWORD ?? "demo";

/**
 * A script may use the password grant of the realm's public client. A browser never sees a password: it uses the
 * authorization code flow with PKCE (keycloak-js or oidc-client-ts, docs/frontend.md) and gets the same token.
 */
async function signIn(): Promise<string> {
  const response = await fetch(`${keycloak}/realms/${realm}/protocol/openid-connect/token`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ grant_type: "password", client_id: "vigie-console", username: user, password }),
  });
  if (!response.ok) {
    throw new Error(`sign-in refused: HTTP ${response.status} ${await response.text()}`);
  }
  return (await response.json()).access_token;
}

interface AlertEvent {
  id: string;
  watchlistId?: string;
  title?: string;
  severity?: string;
}

/**
 * GET /api/watch/alerts/stream read with fetch, so that it carries the Authorization header (a browser's EventSource
 * cannot: it uses a stream ticket). Resolves with the first event named `name` whose data passes `accept`.
 */
class AlertStream {
  private constructor(
    private readonly reader: ReadableStreamDefaultReader<Uint8Array>,
    private readonly abort: AbortController,
  ) {}

  /** Resolves once the server answered 200: events raised from then on are received. */
  static async open(token: string): Promise<AlertStream> {
    const abort = new AbortController();
    const response = await fetch(`${gateway}/api/watch/alerts/stream`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "text/event-stream" },
      signal: abort.signal,
    });
    if (response.status !== 200 || !response.body) {
      throw new Error(`stream refused: HTTP ${response.status} ${await response.text()}`);
    }
    return new AlertStream(response.body.getReader(), abort);
  }

  async next(name: string, accept: (data: AlertEvent) => boolean, timeoutMs: number): Promise<AlertEvent> {
    const timer = setTimeout(() => this.abort.abort(), timeoutMs);
    const decoder = new TextDecoder();
    let buffer = "";
    try {
      for (;;) {
        const { value, done } = await this.reader.read();
        if (done) {
          throw new Error("the stream ended");
        }
        buffer += decoder.decode(value, { stream: true });
        // an event is its "field: value" lines, then an empty line
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const lines = buffer.slice(0, end).split("\n");
          buffer = buffer.slice(end + 2);
          const event = lines.find((l) => l.startsWith("event:"))?.slice(6).trim();
          const data = lines.filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trimStart()).join("\n");
          if (event === name && data) {
            const parsed = JSON.parse(data) as AlertEvent;
            if (accept(parsed)) {
              return parsed;
            }
          }
        }
      }
    } catch (e) {
      throw this.abort.signal.aborted ? new Error(`no ${name} within ${timeoutMs} ms`) : e;
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    this.abort.abort();
  }
}

async function main(): Promise<void> {
  // 1. Sign in.
  const token = await signIn();
  console.log(`signed in as ${user} in realm ${realm}`);

  // The client adds "Bearer " itself (HTTP bearer scheme): pass the plain token, or a function that returns the
  // current one (a refreshed token is then used from the next call).
  const config = new Configuration({ basePath: gateway, accessToken: async () => token });
  const exercises = new ExercisesApi(config);
  const watchlists = new WatchlistsApi(config);
  const mentions = new MentionsApi(config);

  // 2. Listen to the institution's alerts before anything happens (one stream serves the whole session).
  const stream = await AlertStream.open(token);
  try {
    // 3. A rehearsal: an exercise of the scenario library at normal speed (institution admins start them).
    const exercise = await exercises.startExercise({
      exerciseStartRequest: { scenarioId: "demo-health-centre", speed: 1 },
    });
    const exerciseId = exercise.id!;
    console.log(`exercise ${exerciseId} started`);
    let stopped = false;
    try {
      // 4. A watchlist: every mention with this word raises an alert.
      const word = `quickstart${Date.now().toString(36)}`;
      const watchlist = await watchlists.createWatchlist({
        watchlistRequest: { name: `Quickstart ${word}`, query: word, exerciseId },
      });
      console.log(`watchlist ${watchlist.id} watches ${word}`);

      // 5. A mention, marked with the exercise like the watchlist.
      const ingested = await mentions.ingestWatchMentions({
        mentionBatch: {
          exerciseId,
          mentions: [{
            platform: "X",
            externalId: `quickstart-${crypto.randomUUID()}`,
            author: { handle: "mama_ngo237", displayName: "Mama Ngo", followers: 1200 },
            text: `Alerte ${word} : le centre de santé de Nkol-Ewoué serait fermé, partagez !`,
            language: "fr",
            publishedAt: new Date(Date.now() - 30_000),
          }],
        },
      });
      console.log(`mention ingested: ${ingested.accepted} accepted`);

      // 6. Its alert, live: the first ALERT_CREATED of our watchlist.
      const alert = await stream.next("ALERT_CREATED", (a) => a.watchlistId === watchlist.id, 60_000);
      console.log(`alert ${alert.id} received live: ${alert.title} (${alert.severity})`);
      console.log(`RESULT alert=${alert.id} watchlist=${watchlist.id} exercise=${exerciseId}`);

      // 7. End the exercise and read its debrief: times, decision, expected alerts, false alarms, score.
      await exercises.stopExercise({ id: exerciseId });
      stopped = true;
      const debrief = await exercises.getExerciseDebrief({ id: exerciseId });
      console.log(`debrief: score ${debrief.score}/100, ${debrief.missed} expected alert(s) missed, `
        + `${debrief.falseAlarms?.length ?? 0} false alarm(s)`);
      console.log(`RESULT debrief=${debrief.exerciseId} falseAlarms=${(debrief.falseAlarms ?? []).map((f) => f.alertId).join(",")}`);
    } finally {
      // 8. Deleting a stopped exercise deletes everything marked with it: watchlist, mention, alert.
      if (!stopped) {
        await exercises.stopExercise({ id: exerciseId });
      }
      await exercises.deleteExercise({ id: exerciseId });
      console.log(`exercise ${exerciseId} deleted with its data`);
    }
  } finally {
    stream.close();
  }
}

main().catch(async (e) => {
  // A refused call throws ResponseError; its body is an RFC 9457 problem (type, title, status, detail, code, errors[]).
  if (e instanceof ResponseError) {
    console.error(`HTTP ${e.response.status}: ${await e.response.text()}`);
  } else {
    console.error(e);
  }
  process.exitCode = 1;
});
