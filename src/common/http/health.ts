/** Readiness of one component: 503 until it says it is ready, and again while it shuts down. */
export class Health {
  private readyState = false;
  private reason = "starting";

  get ready(): boolean {
    return this.readyState;
  }

  get notReadyReason(): string {
    return this.reason;
  }

  setReady(): void {
    this.readyState = true;
    this.reason = "";
  }

  setNotReady(reason: string): void {
    this.readyState = false;
    this.reason = reason;
  }
}
