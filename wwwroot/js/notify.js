// Desktop and phone alerts for work that cannot wait (an emergency case on a reporter's list, a critical finding
// escalated for a manager), shown by the operating system when the tab is in the background. Per device: the browser's
// permission, and an off switch kept in this browser. Alerts name the procedure and site, never the patient, because
// a lock screen is not a place for patient identifiers.
window.iwNotify = {
  key: "iw.alerts",

  state: function () {
    if (!("Notification" in window)) return "unsupported";
    if (Notification.permission === "denied") return "denied";
    if (Notification.permission !== "granted") return "ask";
    return localStorage.getItem(this.key) === "off" ? "off" : "on";
  },

  enable: async function () {
    if (!("Notification" in window)) return "unsupported";
    if (Notification.permission !== "granted") {
      await Notification.requestPermission();
    }
    localStorage.removeItem(this.key);
    return this.state();
  },

  disable: function () {
    localStorage.setItem(this.key, "off");
    return this.state();
  },

  show: function (title, body, tag, url) {
    if (this.state() !== "on") return false;
    const alert = new Notification(title, { body: body, tag: tag, renotify: true, requireInteraction: true });
    alert.onclick = function () {
      window.focus();
      if (url) window.location.assign(url);
      alert.close();
    };
    return true;
  },

  // A fast-lane exam waiting for a reporter sounds a short two-tone chime, made here (no sound file to fetch). A browser
  // that has not been clicked yet may keep it silent; the banner and the system alert still show. Counted so a test can
  // see it sounded.
  chimes: 0,

  chime: function () {
    this.chimes++;
    try {
      const Context = window.AudioContext || window.webkitAudioContext;
      if (!Context) return false;
      this.audio = this.audio || new Context();
      const audio = this.audio;
      if (audio.state === "suspended") audio.resume();
      [880, 660].forEach(function (frequency, i) {
        const tone = audio.createOscillator();
        const level = audio.createGain();
        const start = audio.currentTime + i * 0.25;
        tone.frequency.value = frequency;
        level.gain.setValueAtTime(0.0001, start);
        level.gain.exponentialRampToValueAtTime(0.3, start + 0.02);
        level.gain.exponentialRampToValueAtTime(0.0001, start + 0.22);
        tone.connect(level).connect(audio.destination);
        tone.start(start);
        tone.stop(start + 0.24);
      });
      return true;
    } catch (e) {
      return false;
    }
  }
};
